IF OBJECT_ID(N'[stg].[heroku_domains__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_domains__0123456789ab] (
    [acm_status] varchar(max) NULL,
    [acm_status_reason] varchar(max) NULL,
    [app_name] varchar(8000) NULL,
    [app_id] varchar(8000) NULL,
    [cname] varchar(max) NULL,
    [created_at] bigint NULL,
    [hostname] varchar(max) NULL,
    [id] varchar(8000) NULL,
    [kind] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [status] varchar(max) NULL,
    [sni_endpoint_name] varchar(8000) NULL,
    [sni_endpoint_id] varchar(8000) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_domains__0123456789ab];

COPY INTO [stg].[heroku_domains__0123456789ab] ([acm_status], [acm_status_reason], [app_name], [app_id], [cname], [created_at], [hostname], [id], [kind], [updated_at], [status], [sni_endpoint_name], [sni_endpoint_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_domains/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([acm_status]) > DATALENGTH(CAST(LEFT([acm_status], 2000) AS varchar(8000))) OR DATALENGTH([acm_status_reason]) > DATALENGTH(CAST(LEFT([acm_status_reason], 2000) AS varchar(8000))) OR DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) OR DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([cname]) > DATALENGTH(CAST(LEFT([cname], 2000) AS varchar(8000))) OR DATALENGTH([hostname]) > DATALENGTH(CAST(LEFT([hostname], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 6) AS varchar(24))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 2000) AS varchar(8000))) OR DATALENGTH([sni_endpoint_name]) > DATALENGTH(CAST(LEFT([sni_endpoint_name], 30) AS varchar(120))) OR DATALENGTH([sni_endpoint_id]) > DATALENGTH(CAST(LEFT([sni_endpoint_id], 36) AS varchar(144))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([acm_status]) > DATALENGTH(CAST(LEFT([acm_status], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__acm_status],
    COALESCE(SUM(CASE WHEN DATALENGTH([acm_status_reason]) > DATALENGTH(CAST(LEFT([acm_status_reason], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__acm_status_reason],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([cname]) > DATALENGTH(CAST(LEFT([cname], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__cname],
    COALESCE(SUM(CASE WHEN DATALENGTH([hostname]) > DATALENGTH(CAST(LEFT([hostname], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__hostname],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 6) AS varchar(24))) THEN 1 ELSE 0 END), 0) AS [truncated__kind],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([sni_endpoint_name]) > DATALENGTH(CAST(LEFT([sni_endpoint_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__sni_endpoint_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([sni_endpoint_id]) > DATALENGTH(CAST(LEFT([sni_endpoint_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__sni_endpoint_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_domains__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_domains__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_domains]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_domains__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_domains].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

INSERT INTO [dbo].[heroku_domains] ([acm_status], [acm_status_reason], [app_name], [app_id], [cname], [created_at], [hostname], [id], [kind], [updated_at], [status], [sni_endpoint_name], [sni_endpoint_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [acm_status], [acm_status_reason], [app_name], [app_id], [cname], [created_at], [hostname], [id], [kind], [updated_at], [status], [sni_endpoint_name], [sni_endpoint_id], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([acm_status], 2000) AS varchar(8000)) AS [acm_status],
        CAST(LEFT([acm_status_reason], 2000) AS varchar(8000)) AS [acm_status_reason],
        CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name],
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        CAST(LEFT([cname], 2000) AS varchar(8000)) AS [cname],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([hostname], 2000) AS varchar(8000)) AS [hostname],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([kind], 6) AS varchar(24)) AS [kind],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([status], 2000) AS varchar(8000)) AS [status],
        CAST(LEFT([sni_endpoint_name], 30) AS varchar(120)) AS [sni_endpoint_name],
        CAST(LEFT([sni_endpoint_id], 36) AS varchar(144)) AS [sni_endpoint_id],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_domains__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_domains__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_domains__0123456789ab];
