IF OBJECT_ID(N'[stg].[heroku_log_drains__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_log_drains__0123456789ab] (
    [addon_id] varchar(8000) NULL,
    [addon_name] varchar(max) NULL,
    [addon_app_id] varchar(8000) NULL,
    [addon_app_name] varchar(8000) NULL,
    [app_id] varchar(8000) NULL,
    [app_name] varchar(8000) NULL,
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [url] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_log_drains__0123456789ab];

COPY INTO [stg].[heroku_log_drains__0123456789ab] ([addon_id], [addon_name], [addon_app_id], [addon_app_name], [app_id], [app_name], [created_at], [id], [updated_at], [url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_log_drains/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_id]) > DATALENGTH(CAST(LEFT([addon_id], 36) AS varchar(144))) OR DATALENGTH([addon_name]) > DATALENGTH(CAST(LEFT([addon_name], 2000) AS varchar(8000))) OR DATALENGTH([addon_app_id]) > DATALENGTH(CAST(LEFT([addon_app_id], 36) AS varchar(144))) OR DATALENGTH([addon_app_name]) > DATALENGTH(CAST(LEFT([addon_app_name], 30) AS varchar(120))) OR DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([url]) > DATALENGTH(CAST(LEFT([url], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_id]) > DATALENGTH(CAST(LEFT([addon_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__addon_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_name]) > DATALENGTH(CAST(LEFT([addon_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__addon_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_app_id]) > DATALENGTH(CAST(LEFT([addon_app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__addon_app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_app_name]) > DATALENGTH(CAST(LEFT([addon_app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__addon_app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([url]) > DATALENGTH(CAST(LEFT([url], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__url],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_log_drains__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_log_drains:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_log_drains__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_log_drains:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_log_drains]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_log_drains__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_log_drains].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_log_drains:upsert');

INSERT INTO [dbo].[heroku_log_drains] ([addon_id], [addon_name], [addon_app_id], [addon_app_name], [app_id], [app_name], [created_at], [id], [updated_at], [url], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [addon_id], [addon_name], [addon_app_id], [addon_app_name], [app_id], [app_name], [created_at], [id], [updated_at], [url], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([addon_id], 36) AS varchar(144)) AS [addon_id],
        CAST(LEFT([addon_name], 2000) AS varchar(8000)) AS [addon_name],
        CAST(LEFT([addon_app_id], 36) AS varchar(144)) AS [addon_app_id],
        CAST(LEFT([addon_app_name], 30) AS varchar(120)) AS [addon_app_name],
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([url], 2000) AS varchar(8000)) AS [url],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_log_drains__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_log_drains:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_log_drains__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_log_drains__0123456789ab];
