IF OBJECT_ID(N'[stg].[heroku_domains__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_domains__0123456789ab] (
    [acm_status] nvarchar(max) NULL,
    [acm_status_reason] nvarchar(max) NULL,
    [app_name] nvarchar(max) NULL,
    [app_id] nvarchar(max) NULL,
    [cname] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [hostname] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [kind] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [status] nvarchar(max) NULL,
    [sni_endpoint_name] nvarchar(max) NULL,
    [sni_endpoint_id] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([acm_status]) > 4000 OR DATALENGTH([acm_status_reason]) > 4000 OR DATALENGTH([app_name]) > 60 OR DATALENGTH([app_id]) > 72 OR DATALENGTH([cname]) > 4000 OR DATALENGTH([hostname]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([kind]) > 12 OR DATALENGTH([status]) > 4000 OR DATALENGTH([sni_endpoint_name]) > 60 OR DATALENGTH([sni_endpoint_id]) > 72 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([acm_status]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__acm_status],
    COALESCE(SUM(CASE WHEN DATALENGTH([acm_status_reason]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__acm_status_reason],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([cname]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__cname],
    COALESCE(SUM(CASE WHEN DATALENGTH([hostname]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__hostname],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([kind]) > 12 THEN 1 ELSE 0 END), 0) AS [truncated__kind],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([sni_endpoint_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__sni_endpoint_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([sni_endpoint_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__sni_endpoint_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_domains__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_domains__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_domains]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_domains__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_domains].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

INSERT INTO [dbo].[heroku_domains] ([acm_status], [acm_status_reason], [app_name], [app_id], [cname], [created_at], [hostname], [id], [kind], [updated_at], [status], [sni_endpoint_name], [sni_endpoint_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [acm_status], [acm_status_reason], [app_name], [app_id], [cname], [created_at], [hostname], [id], [kind], [updated_at], [status], [sni_endpoint_name], [sni_endpoint_id], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([acm_status] AS nvarchar(2000)) AS [acm_status],
        CAST([acm_status_reason] AS nvarchar(2000)) AS [acm_status_reason],
        CAST([app_name] AS nvarchar(30)) AS [app_name],
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        CAST([cname] AS nvarchar(2000)) AS [cname],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([hostname] AS nvarchar(2000)) AS [hostname],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([kind] AS nvarchar(6)) AS [kind],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([status] AS nvarchar(2000)) AS [status],
        CAST([sni_endpoint_name] AS nvarchar(30)) AS [sni_endpoint_name],
        CAST([sni_endpoint_id] AS nvarchar(36)) AS [sni_endpoint_id],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_domains__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_domains:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_domains__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_domains__0123456789ab];
