IF OBJECT_ID(N'[stg].[heroku_addons__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_addons__0123456789ab] (
    [actions] varchar(max) NULL,
    [addon_service_id] varchar(8000) NULL,
    [addon_service_name] varchar(max) NULL,
    [billing_entity_id] varchar(8000) NULL,
    [billing_entity_name] varchar(max) NULL,
    [billing_entity_type] varchar(8000) NULL,
    [app_id] varchar(8000) NULL,
    [app_name] varchar(8000) NULL,
    [billed_price_cents] bigint NULL,
    [billed_price_contract] bit NULL,
    [billed_price_unit] varchar(max) NULL,
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [name] varchar(max) NULL,
    [plan_id] varchar(8000) NULL,
    [plan_name] varchar(max) NULL,
    [provider_id] varchar(max) NULL,
    [provision_message] varchar(max) NULL,
    [state] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [web_url] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([actions]) > DATALENGTH(CAST(LEFT([actions], 4000) AS varchar(8000))) OR DATALENGTH([addon_service_id]) > DATALENGTH(CAST(LEFT([addon_service_id], 36) AS varchar(144))) OR DATALENGTH([addon_service_name]) > DATALENGTH(CAST(LEFT([addon_service_name], 2000) AS varchar(8000))) OR DATALENGTH([billing_entity_id]) > DATALENGTH(CAST(LEFT([billing_entity_id], 36) AS varchar(144))) OR DATALENGTH([billing_entity_name]) > DATALENGTH(CAST(LEFT([billing_entity_name], 2000) AS varchar(8000))) OR DATALENGTH([billing_entity_type]) > DATALENGTH(CAST(LEFT([billing_entity_type], 4) AS varchar(16))) OR DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) OR DATALENGTH([billed_price_unit]) > DATALENGTH(CAST(LEFT([billed_price_unit], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([plan_id]) > DATALENGTH(CAST(LEFT([plan_id], 36) AS varchar(144))) OR DATALENGTH([plan_name]) > DATALENGTH(CAST(LEFT([plan_name], 2000) AS varchar(8000))) OR DATALENGTH([provider_id]) > DATALENGTH(CAST(LEFT([provider_id], 2000) AS varchar(8000))) OR DATALENGTH([provision_message]) > DATALENGTH(CAST(LEFT([provision_message], 2000) AS varchar(8000))) OR DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 13) AS varchar(52))) OR DATALENGTH([web_url]) > DATALENGTH(CAST(LEFT([web_url], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([actions]) > DATALENGTH(CAST(LEFT([actions], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__actions],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_id]) > DATALENGTH(CAST(LEFT([addon_service_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_name]) > DATALENGTH(CAST(LEFT([addon_service_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([billing_entity_id]) > DATALENGTH(CAST(LEFT([billing_entity_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__billing_entity_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([billing_entity_name]) > DATALENGTH(CAST(LEFT([billing_entity_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__billing_entity_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([billing_entity_type]) > DATALENGTH(CAST(LEFT([billing_entity_type], 4) AS varchar(16))) THEN 1 ELSE 0 END), 0) AS [truncated__billing_entity_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([billed_price_unit]) > DATALENGTH(CAST(LEFT([billed_price_unit], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__billed_price_unit],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([plan_id]) > DATALENGTH(CAST(LEFT([plan_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__plan_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([plan_name]) > DATALENGTH(CAST(LEFT([plan_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__plan_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([provider_id]) > DATALENGTH(CAST(LEFT([provider_id], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__provider_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([provision_message]) > DATALENGTH(CAST(LEFT([provision_message], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__provision_message],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > DATALENGTH(CAST(LEFT([state], 13) AS varchar(52))) THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([web_url]) > DATALENGTH(CAST(LEFT([web_url], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__web_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_addons__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_addons__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_addons]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_addons__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_addons].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

INSERT INTO [dbo].[heroku_addons] ([actions], [addon_service_id], [addon_service_name], [billing_entity_id], [billing_entity_name], [billing_entity_type], [app_id], [app_name], [billed_price_cents], [billed_price_contract], [billed_price_unit], [created_at], [id], [name], [plan_id], [plan_name], [provider_id], [provision_message], [state], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [actions], [addon_service_id], [addon_service_name], [billing_entity_id], [billing_entity_name], [billing_entity_type], [app_id], [app_name], [billed_price_cents], [billed_price_contract], [billed_price_unit], [created_at], [id], [name], [plan_id], [plan_name], [provider_id], [provision_message], [state], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([actions], 4000) AS varchar(8000)) AS [actions],
        CAST(LEFT([addon_service_id], 36) AS varchar(144)) AS [addon_service_id],
        CAST(LEFT([addon_service_name], 2000) AS varchar(8000)) AS [addon_service_name],
        CAST(LEFT([billing_entity_id], 36) AS varchar(144)) AS [billing_entity_id],
        CAST(LEFT([billing_entity_name], 2000) AS varchar(8000)) AS [billing_entity_name],
        CAST(LEFT([billing_entity_type], 4) AS varchar(16)) AS [billing_entity_type],
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name],
        [billed_price_cents] AS [billed_price_cents],
        [billed_price_contract] AS [billed_price_contract],
        CAST(LEFT([billed_price_unit], 2000) AS varchar(8000)) AS [billed_price_unit],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        CAST(LEFT([plan_id], 36) AS varchar(144)) AS [plan_id],
        CAST(LEFT([plan_name], 2000) AS varchar(8000)) AS [plan_name],
        CAST(LEFT([provider_id], 2000) AS varchar(8000)) AS [provider_id],
        CAST(LEFT([provision_message], 2000) AS varchar(8000)) AS [provision_message],
        CAST(LEFT([state], 13) AS varchar(52)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([web_url], 2000) AS varchar(8000)) AS [web_url],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_addons__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_addons:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_addons__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_addons__0123456789ab];
