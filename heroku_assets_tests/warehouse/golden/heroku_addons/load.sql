IF OBJECT_ID(N'[stg].[heroku_addons__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_addons__0123456789ab] (
    [actions] nvarchar(max) NULL,
    [addon_service_id] nvarchar(max) NULL,
    [addon_service_name] nvarchar(max) NULL,
    [billing_entity_id] nvarchar(max) NULL,
    [billing_entity_name] nvarchar(max) NULL,
    [billing_entity_type] nvarchar(max) NULL,
    [app_id] nvarchar(max) NULL,
    [app_name] nvarchar(max) NULL,
    [billed_price_cents] bigint NULL,
    [billed_price_contract] bit NULL,
    [billed_price_unit] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [plan_id] nvarchar(max) NULL,
    [plan_name] nvarchar(max) NULL,
    [provider_id] nvarchar(max) NULL,
    [provision_message] nvarchar(max) NULL,
    [state] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [web_url] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_addons__0123456789ab];

COPY INTO [stg].[heroku_addons__0123456789ab] ([actions], [addon_service_id], [addon_service_name], [billing_entity_id], [billing_entity_name], [billing_entity_type], [app_id], [app_name], [billed_price_cents], [billed_price_contract], [billed_price_unit], [created_at], [id], [name], [plan_id], [plan_name], [provider_id], [provision_message], [state], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_addons/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([actions]) > 8000 OR DATALENGTH([addon_service_id]) > 72 OR DATALENGTH([addon_service_name]) > 4000 OR DATALENGTH([billing_entity_id]) > 72 OR DATALENGTH([billing_entity_name]) > 4000 OR DATALENGTH([billing_entity_type]) > 8 OR DATALENGTH([app_id]) > 72 OR DATALENGTH([app_name]) > 60 OR DATALENGTH([billed_price_unit]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([plan_id]) > 72 OR DATALENGTH([plan_name]) > 4000 OR DATALENGTH([provider_id]) > 4000 OR DATALENGTH([provision_message]) > 4000 OR DATALENGTH([state]) > 26 OR DATALENGTH([web_url]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([actions]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__actions],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([billing_entity_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__billing_entity_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([billing_entity_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__billing_entity_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([billing_entity_type]) > 8 THEN 1 ELSE 0 END), 0) AS [truncated__billing_entity_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([billed_price_unit]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__billed_price_unit],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([plan_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__plan_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([plan_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__plan_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([provider_id]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__provider_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([provision_message]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__provision_message],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 26 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([web_url]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__web_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_addons__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_addons__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_addons]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_addons__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_addons].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

INSERT INTO [dbo].[heroku_addons] ([actions], [addon_service_id], [addon_service_name], [billing_entity_id], [billing_entity_name], [billing_entity_type], [app_id], [app_name], [billed_price_cents], [billed_price_contract], [billed_price_unit], [created_at], [id], [name], [plan_id], [plan_name], [provider_id], [provision_message], [state], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [actions], [addon_service_id], [addon_service_name], [billing_entity_id], [billing_entity_name], [billing_entity_type], [app_id], [app_name], [billed_price_cents], [billed_price_contract], [billed_price_unit], [created_at], [id], [name], [plan_id], [plan_name], [provider_id], [provision_message], [state], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([actions] AS nvarchar(4000)) AS [actions],
        CAST([addon_service_id] AS nvarchar(36)) AS [addon_service_id],
        CAST([addon_service_name] AS nvarchar(2000)) AS [addon_service_name],
        CAST([billing_entity_id] AS nvarchar(36)) AS [billing_entity_id],
        CAST([billing_entity_name] AS nvarchar(2000)) AS [billing_entity_name],
        CAST([billing_entity_type] AS nvarchar(4)) AS [billing_entity_type],
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        CAST([app_name] AS nvarchar(30)) AS [app_name],
        [billed_price_cents] AS [billed_price_cents],
        [billed_price_contract] AS [billed_price_contract],
        CAST([billed_price_unit] AS nvarchar(2000)) AS [billed_price_unit],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(2000)) AS [name],
        CAST([plan_id] AS nvarchar(36)) AS [plan_id],
        CAST([plan_name] AS nvarchar(2000)) AS [plan_name],
        CAST([provider_id] AS nvarchar(2000)) AS [provider_id],
        CAST([provision_message] AS nvarchar(2000)) AS [provision_message],
        CAST([state] AS nvarchar(13)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([web_url] AS nvarchar(2000)) AS [web_url],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_addons__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_addons__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_addons__0123456789ab];
