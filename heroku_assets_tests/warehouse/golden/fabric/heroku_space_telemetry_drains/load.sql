IF OBJECT_ID(N'[stg].[heroku_space_telemetry_drains__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_space_telemetry_drains__0123456789ab] (
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [owner_id] varchar(8000) NULL,
    [owner_type] varchar(8000) NULL,
    [signals] varchar(max) NULL,
    [exporter_type] varchar(8000) NULL,
    [exporter_endpoint] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_space_telemetry_drains__0123456789ab];

COPY INTO [stg].[heroku_space_telemetry_drains__0123456789ab] ([created_at], [id], [owner_id], [owner_type], [signals], [exporter_type], [exporter_endpoint], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_space_telemetry_drains/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) OR DATALENGTH([owner_type]) > DATALENGTH(CAST(LEFT([owner_type], 5) AS varchar(20))) OR DATALENGTH([signals]) > DATALENGTH(CAST(LEFT([signals], 4000) AS varchar(8000))) OR DATALENGTH([exporter_type]) > DATALENGTH(CAST(LEFT([exporter_type], 8) AS varchar(32))) OR DATALENGTH([exporter_endpoint]) > DATALENGTH(CAST(LEFT([exporter_endpoint], 1000) AS varchar(4000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > DATALENGTH(CAST(LEFT([owner_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_type]) > DATALENGTH(CAST(LEFT([owner_type], 5) AS varchar(20))) THEN 1 ELSE 0 END), 0) AS [truncated__owner_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([signals]) > DATALENGTH(CAST(LEFT([signals], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__signals],
    COALESCE(SUM(CASE WHEN DATALENGTH([exporter_type]) > DATALENGTH(CAST(LEFT([exporter_type], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__exporter_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([exporter_endpoint]) > DATALENGTH(CAST(LEFT([exporter_endpoint], 1000) AS varchar(4000))) THEN 1 ELSE 0 END), 0) AS [truncated__exporter_endpoint],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_space_telemetry_drains__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_space_telemetry_drains:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_space_telemetry_drains__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_space_telemetry_drains:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_space_telemetry_drains]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_space_telemetry_drains__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_space_telemetry_drains].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_space_telemetry_drains:upsert');

INSERT INTO [dbo].[heroku_space_telemetry_drains] ([created_at], [id], [owner_id], [owner_type], [signals], [exporter_type], [exporter_endpoint], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [owner_id], [owner_type], [signals], [exporter_type], [exporter_endpoint], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([owner_id], 36) AS varchar(144)) AS [owner_id],
        CAST(LEFT([owner_type], 5) AS varchar(20)) AS [owner_type],
        CAST(LEFT([signals], 4000) AS varchar(8000)) AS [signals],
        CAST(LEFT([exporter_type], 8) AS varchar(32)) AS [exporter_type],
        CAST(LEFT([exporter_endpoint], 1000) AS varchar(4000)) AS [exporter_endpoint],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_space_telemetry_drains__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_space_telemetry_drains:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_space_telemetry_drains__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_space_telemetry_drains__0123456789ab];
