IF OBJECT_ID(N'[stg].[heroku_team_features__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_features__0123456789ab] (
    [created_at] bigint NULL,
    [description] nvarchar(max) NULL,
    [doc_url] nvarchar(max) NULL,
    [enabled] bit NULL,
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [state] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [display_name] nvarchar(max) NULL,
    [feedback_email] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_team_features__0123456789ab];

COPY INTO [stg].[heroku_team_features__0123456789ab] ([created_at], [description], [doc_url], [enabled], [id], [name], [state], [updated_at], [display_name], [feedback_email], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_features/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([description]) > 4000 OR DATALENGTH([doc_url]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([state]) > 4000 OR DATALENGTH([display_name]) > 4000 OR DATALENGTH([feedback_email]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__description],
    COALESCE(SUM(CASE WHEN DATALENGTH([doc_url]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__doc_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([display_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__display_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([feedback_email]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__feedback_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_features__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_features:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent], CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_team_features__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_features:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_features]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_features__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_team_features].[_parent] AND CAST([s].[id] AS nvarchar(36)) = [heroku_team_features].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_features:upsert');

INSERT INTO [dbo].[heroku_team_features] ([created_at], [description], [doc_url], [enabled], [id], [name], [state], [updated_at], [display_name], [feedback_email], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [description], [doc_url], [enabled], [id], [name], [state], [updated_at], [display_name], [feedback_email], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([description] AS nvarchar(2000)) AS [description],
        CAST([doc_url] AS nvarchar(2000)) AS [doc_url],
        [enabled] AS [enabled],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(2000)) AS [name],
        CAST([state] AS nvarchar(2000)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([display_name] AS nvarchar(2000)) AS [display_name],
        CAST([feedback_email] AS nvarchar(2000)) AS [feedback_email],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)), CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_team_features__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_features:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_features__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_features__0123456789ab];
