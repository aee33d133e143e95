IF OBJECT_ID(N'[stg].[heroku_allowed_addon_services__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_allowed_addon_services__0123456789ab] (
    [added_at] bigint NULL,
    [added_by_email] nvarchar(max) NULL,
    [added_by_id] nvarchar(max) NULL,
    [addon_service_id] nvarchar(max) NULL,
    [addon_service_name] nvarchar(max) NULL,
    [addon_service_human_name] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_allowed_addon_services__0123456789ab];

COPY INTO [stg].[heroku_allowed_addon_services__0123456789ab] ([added_at], [added_by_email], [added_by_id], [addon_service_id], [addon_service_name], [addon_service_human_name], [id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_allowed_addon_services/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([added_by_email]) > 640 OR DATALENGTH([added_by_id]) > 72 OR DATALENGTH([addon_service_id]) > 72 OR DATALENGTH([addon_service_name]) > 4000 OR DATALENGTH([addon_service_human_name]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([added_by_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__added_by_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([added_by_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__added_by_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_human_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_human_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_allowed_addon_services__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_allowed_addon_services:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent], CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_allowed_addon_services__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_allowed_addon_services:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_allowed_addon_services]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_allowed_addon_services__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_allowed_addon_services].[_parent] AND CAST([s].[id] AS nvarchar(36)) = [heroku_allowed_addon_services].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_allowed_addon_services:upsert');

INSERT INTO [dbo].[heroku_allowed_addon_services] ([added_at], [added_by_email], [added_by_id], [addon_service_id], [addon_service_name], [addon_service_human_name], [id], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [added_at], [added_by_email], [added_by_id], [addon_service_id], [addon_service_name], [addon_service_human_name], [id], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([added_at] % 1000000 AS int), DATEADD(SECOND, CAST(([added_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([added_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [added_at],
        CAST([added_by_email] AS nvarchar(320)) AS [added_by_email],
        CAST([added_by_id] AS nvarchar(36)) AS [added_by_id],
        CAST([addon_service_id] AS nvarchar(36)) AS [addon_service_id],
        CAST([addon_service_name] AS nvarchar(2000)) AS [addon_service_name],
        CAST([addon_service_human_name] AS nvarchar(2000)) AS [addon_service_human_name],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)), CAST([id] AS nvarchar(36)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_allowed_addon_services__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_allowed_addon_services:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_allowed_addon_services__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_allowed_addon_services__0123456789ab];
