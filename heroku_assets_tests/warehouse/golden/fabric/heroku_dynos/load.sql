IF OBJECT_ID(N'[stg].[heroku_dynos__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_dynos__0123456789ab] (
    [command] varchar(max) NULL,
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [name] varchar(max) NULL,
    [release_id] varchar(8000) NULL,
    [release_version] bigint NULL,
    [app_name] varchar(8000) NULL,
    [app_id] varchar(8000) NULL,
    [size] varchar(max) NULL,
    [state] varchar(max) NULL,
    [type] varchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([command]) > DATALENGTH(CAST(LEFT([command], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([release_id]) > DATALENGTH(CAST(LEFT([release_id], 36) AS varchar(144))) OR DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) OR DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([size]) > DATALENGTH(CAST(LEFT([size], 2000) AS varchar(8000))) OR DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 2000) AS varchar(8000))) OR DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([command]) > DATALENGTH(CAST(LEFT([command], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__command],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([release_id]) > DATALENGTH(CAST(LEFT([release_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__release_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([size]) > DATALENGTH(CAST(LEFT([size], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__size],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_dynos__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_dynos__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_dynos]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_dynos__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_dynos].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

INSERT INTO [dbo].[heroku_dynos] ([command], [created_at], [id], [name], [release_id], [release_version], [app_name], [app_id], [size], [state], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [command], [created_at], [id], [name], [release_id], [release_version], [app_name], [app_id], [size], [state], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([command], 2000) AS varchar(8000)) AS [command],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        CAST(LEFT([release_id], 36) AS varchar(144)) AS [release_id],
        [release_version] AS [release_version],
        CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name],
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        CAST(LEFT([size], 2000) AS varchar(8000)) AS [size],
        CAST(LEFT([state], 2000) AS varchar(8000)) AS [state],
        CAST(LEFT([type], 2000) AS varchar(8000)) AS [type],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_dynos__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_dynos:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_dynos__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_dynos__0123456789ab];
