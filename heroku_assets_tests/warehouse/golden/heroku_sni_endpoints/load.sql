IF OBJECT_ID(N'[stg].[heroku_sni_endpoints__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_sni_endpoints__0123456789ab] (
    [certificate_chain] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [display_name] nvarchar(max) NULL,
    [domains] nvarchar(max) NULL,
    [app_id] nvarchar(max) NULL,
    [app_name] nvarchar(max) NULL,
    [ssl_cert_ca_signed] bit NULL,
    [ssl_cert_cert_domains] nvarchar(max) NULL,
    [ssl_cert_expires_at] bigint NULL,
    [ssl_cert_issuer] nvarchar(max) NULL,
    [ssl_cert_self_signed] bit NULL,
    [ssl_cert_starts_at] bigint NULL,
    [ssl_cert_subject] nvarchar(max) NULL,
    [ssl_cert_id] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_sni_endpoints__0123456789ab];

COPY INTO [stg].[heroku_sni_endpoints__0123456789ab] ([certificate_chain], [created_at], [id], [name], [updated_at], [display_name], [domains], [app_id], [app_name], [ssl_cert_ca_signed], [ssl_cert_cert_domains], [ssl_cert_expires_at], [ssl_cert_issuer], [ssl_cert_self_signed], [ssl_cert_starts_at], [ssl_cert_subject], [ssl_cert_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_sni_endpoints/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([certificate_chain]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 60 OR DATALENGTH([display_name]) > 60 OR DATALENGTH([domains]) > 8000 OR DATALENGTH([app_id]) > 72 OR DATALENGTH([app_name]) > 60 OR DATALENGTH([ssl_cert_cert_domains]) > 8000 OR DATALENGTH([ssl_cert_issuer]) > 4000 OR DATALENGTH([ssl_cert_subject]) > 4000 OR DATALENGTH([ssl_cert_id]) > 72 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([certificate_chain]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__certificate_chain],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([display_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__display_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([domains]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__domains],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([ssl_cert_cert_domains]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__ssl_cert_cert_domains],
    COALESCE(SUM(CASE WHEN DATALENGTH([ssl_cert_issuer]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__ssl_cert_issuer],
    COALESCE(SUM(CASE WHEN DATALENGTH([ssl_cert_subject]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__ssl_cert_subject],
    COALESCE(SUM(CASE WHEN DATALENGTH([ssl_cert_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__ssl_cert_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_sni_endpoints__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_sni_endpoints:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_sni_endpoints__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_sni_endpoints:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_sni_endpoints]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_sni_endpoints__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_sni_endpoints].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_sni_endpoints:upsert');

INSERT INTO [dbo].[heroku_sni_endpoints] ([certificate_chain], [created_at], [id], [name], [updated_at], [display_name], [domains], [app_id], [app_name], [ssl_cert_ca_signed], [ssl_cert_cert_domains], [ssl_cert_expires_at], [ssl_cert_issuer], [ssl_cert_self_signed], [ssl_cert_starts_at], [ssl_cert_subject], [ssl_cert_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [certificate_chain], [created_at], [id], [name], [updated_at], [display_name], [domains], [app_id], [app_name], [ssl_cert_ca_signed], [ssl_cert_cert_domains], [ssl_cert_expires_at], [ssl_cert_issuer], [ssl_cert_self_signed], [ssl_cert_starts_at], [ssl_cert_subject], [ssl_cert_id], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([certificate_chain] AS nvarchar(2000)) AS [certificate_chain],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(30)) AS [name],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([display_name] AS nvarchar(30)) AS [display_name],
        CAST([domains] AS nvarchar(4000)) AS [domains],
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        CAST([app_name] AS nvarchar(30)) AS [app_name],
        [ssl_cert_ca_signed] AS [ssl_cert_ca_signed],
        CAST([ssl_cert_cert_domains] AS nvarchar(4000)) AS [ssl_cert_cert_domains],
        DATEADD(MICROSECOND, CAST([ssl_cert_expires_at] % 1000000 AS int), DATEADD(SECOND, CAST(([ssl_cert_expires_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([ssl_cert_expires_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [ssl_cert_expires_at],
        CAST([ssl_cert_issuer] AS nvarchar(2000)) AS [ssl_cert_issuer],
        [ssl_cert_self_signed] AS [ssl_cert_self_signed],
        DATEADD(MICROSECOND, CAST([ssl_cert_starts_at] % 1000000 AS int), DATEADD(SECOND, CAST(([ssl_cert_starts_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([ssl_cert_starts_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [ssl_cert_starts_at],
        CAST([ssl_cert_subject] AS nvarchar(2000)) AS [ssl_cert_subject],
        CAST([ssl_cert_id] AS nvarchar(36)) AS [ssl_cert_id],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_sni_endpoints__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_sni_endpoints:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_sni_endpoints__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_sni_endpoints__0123456789ab];
