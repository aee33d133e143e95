IF OBJECT_ID(N'[stg].[heroku_dynos__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_dynos__0123456789ab] (
    [command] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [release_id] nvarchar(max) NULL,
    [release_version] bigint NULL,
    [app_name] nvarchar(max) NULL,
    [app_id] nvarchar(max) NULL,
    [size] nvarchar(max) NULL,
    [state] nvarchar(max) NULL,
    [type] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_dynos__0123456789ab];

COPY INTO [stg].[heroku_dynos__0123456789ab] ([command], [created_at], [id], [name], [release_id], [release_version], [app_name], [app_id], [size], [state], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_dynos/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([command]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([release_id]) > 72 OR DATALENGTH([app_name]) > 60 OR DATALENGTH([app_id]) > 72 OR DATALENGTH([size]) > 4000 OR DATALENGTH([state]) > 4000 OR DATALENGTH([type]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([command]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__command],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([release_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__release_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([size]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__size],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_dynos__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_dynos__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_dynos]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_dynos__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_dynos].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

INSERT INTO [dbo].[heroku_dynos] ([command], [created_at], [id], [name], [release_id], [release_version], [app_name], [app_id], [size], [state], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [command], [created_at], [id], [name], [release_id], [release_version], [app_name], [app_id], [size], [state], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([command] AS nvarchar(2000)) AS [command],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(2000)) AS [name],
        CAST([release_id] AS nvarchar(36)) AS [release_id],
        [release_version] AS [release_version],
        CAST([app_name] AS nvarchar(30)) AS [app_name],
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        CAST([size] AS nvarchar(2000)) AS [size],
        CAST([state] AS nvarchar(2000)) AS [state],
        CAST([type] AS nvarchar(2000)) AS [type],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_dynos__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_dynos__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_dynos__0123456789ab];
