IF OBJECT_ID(N'[stg].[heroku_addon_plans__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_addon_plans__0123456789ab] (
    [addon_service_id] nvarchar(max) NULL,
    [addon_service_name] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [compliance] nvarchar(max) NULL,
    [default] bit NULL,
    [description] nvarchar(max) NULL,
    [human_name] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [installable_inside_private_network] bit NULL,
    [installable_outside_private_network] bit NULL,
    [name] nvarchar(max) NULL,
    [price_cents] bigint NULL,
    [price_contract] bit NULL,
    [price_unit] nvarchar(max) NULL,
    [space_default] bit NULL,
    [state] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [visible] bit NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_addon_plans__0123456789ab];

COPY INTO [stg].[heroku_addon_plans__0123456789ab] ([addon_service_id], [addon_service_name], [created_at], [compliance], [default], [description], [human_name], [id], [installable_inside_private_network], [installable_outside_private_network], [name], [price_cents], [price_contract], [price_unit], [space_default], [state], [updated_at], [visible], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_addon_plans/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_id]) > 72 OR DATALENGTH([addon_service_name]) > 4000 OR DATALENGTH([compliance]) > 8000 OR DATALENGTH([description]) > 4000 OR DATALENGTH([human_name]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([price_unit]) > 4000 OR DATALENGTH([state]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_service_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__addon_service_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([compliance]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__compliance],
    COALESCE(SUM(CASE WHEN DATALENGTH([description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__description],
    COALESCE(SUM(CASE WHEN DATALENGTH([human_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__human_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([price_unit]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__price_unit],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_addon_plans__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_addon_plans:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_addon_plans__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_addon_plans:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_addon_plans]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_addon_plans__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_addon_plans].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_addon_plans:upsert');

INSERT INTO [dbo].[heroku_addon_plans] ([addon_service_id], [addon_service_name], [created_at], [compliance], [default], [description], [human_name], [id], [installable_inside_private_network], [installable_outside_private_network], [name], [price_cents], [price_contract], [price_unit], [space_default], [state], [updated_at], [visible], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [addon_service_id], [addon_service_name], [created_at], [compliance], [default], [description], [human_name], [id], [installable_inside_private_network], [installable_outside_private_network], [name], [price_cents], [price_contract], [price_unit], [space_default], [state], [updated_at], [visible], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([addon_service_id] AS nvarchar(36)) AS [addon_service_id],
        CAST([addon_service_name] AS nvarchar(2000)) AS [addon_service_name],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([compliance] AS nvarchar(4000)) AS [compliance],
        [default] AS [default],
        CAST([description] AS nvarchar(2000)) AS [description],
        CAST([human_name] AS nvarchar(2000)) AS [human_name],
        CAST([id] AS nvarchar(36)) AS [id],
        [installable_inside_private_network] AS [installable_inside_private_network],
        [installable_outside_private_network] AS [installable_outside_private_network],
        CAST([name] AS nvarchar(2000)) AS [name],
        [price_cents] AS [price_cents],
        [price_contract] AS [price_contract],
        CAST([price_unit] AS nvarchar(2000)) AS [price_unit],
        [space_default] AS [space_default],
        CAST([state] AS nvarchar(2000)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        [visible] AS [visible],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_addon_plans__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_addon_plans:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_addon_plans__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_addon_plans__0123456789ab];
