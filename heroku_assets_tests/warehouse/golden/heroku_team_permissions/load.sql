IF OBJECT_ID(N'[stg].[heroku_team_permissions__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_team_permissions__0123456789ab] (
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [team_id] nvarchar(max) NULL,
    [type] nvarchar(max) NULL,
    [users] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_team_permissions__0123456789ab];

COPY INTO [stg].[heroku_team_permissions__0123456789ab] ([id], [name], [team_id], [type], [users], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_permissions/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([team_id]) > 72 OR DATALENGTH([type]) > 10 OR DATALENGTH([users]) > 8000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([team_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__team_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > 10 THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([users]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__users],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_team_permissions__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent], CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_team_permissions__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_team_permissions]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_team_permissions__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_team_permissions].[_parent] AND CAST([s].[id] AS nvarchar(36)) = [heroku_team_permissions].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

INSERT INTO [dbo].[heroku_team_permissions] ([id], [name], [team_id], [type], [users], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [name], [team_id], [type], [users], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(2000)) AS [name],
        CAST([team_id] AS nvarchar(36)) AS [team_id],
        CAST([type] AS nvarchar(5)) AS [type],
        CAST([users] AS nvarchar(4000)) AS [users],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)), CAST([id] AS nvarchar(36)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_team_permissions__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_team_permissions:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_team_permissions__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_team_permissions__0123456789ab];
