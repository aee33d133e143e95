IF OBJECT_ID(N'[stg].[heroku_space_app_access__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_space_app_access__0123456789ab] (
    [space_name] nvarchar(max) NULL,
    [space_id] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [permissions] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [user_email] nvarchar(max) NULL,
    [user_id] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_space_app_access__0123456789ab];

COPY INTO [stg].[heroku_space_app_access__0123456789ab] ([space_name], [space_id], [created_at], [id], [permissions], [updated_at], [user_email], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_space_app_access/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > 60 OR DATALENGTH([space_id]) > 72 OR DATALENGTH([id]) > 72 OR DATALENGTH([permissions]) > 8000 OR DATALENGTH([user_email]) > 640 OR DATALENGTH([user_id]) > 72 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__space_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__space_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([permissions]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__permissions],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_space_app_access__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent], CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_space_app_access__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_space_app_access]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_space_app_access__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_space_app_access].[_parent] AND CAST([s].[id] AS nvarchar(36)) = [heroku_space_app_access].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

INSERT INTO [dbo].[heroku_space_app_access] ([space_name], [space_id], [created_at], [id], [permissions], [updated_at], [user_email], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [space_name], [space_id], [created_at], [id], [permissions], [updated_at], [user_email], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([space_name] AS nvarchar(30)) AS [space_name],
        CAST([space_id] AS nvarchar(36)) AS [space_id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([permissions] AS nvarchar(4000)) AS [permissions],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        CAST([user_id] AS nvarchar(36)) AS [user_id],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)), CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_space_app_access__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_space_app_access:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_space_app_access__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_space_app_access__0123456789ab];
