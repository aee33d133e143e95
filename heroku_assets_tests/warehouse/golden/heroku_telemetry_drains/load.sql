IF OBJECT_ID(N'[stg].[heroku_telemetry_drains__5e64466aae2e65dc]', N'U') IS NULL
CREATE TABLE [stg].[heroku_telemetry_drains__5e64466aae2e65dc] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(max) NULL,
    [owner_id] nvarchar(max) NULL,
    [owner_type] nvarchar(max) NULL,
    [signals] nvarchar(max) NULL,
    [exporter_type] nvarchar(max) NULL,
    [exporter_endpoint] nvarchar(max) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_telemetry_drains__5e64466aae2e65dc];

COPY INTO [stg].[heroku_telemetry_drains__5e64466aae2e65dc] ([created_at], [id], [owner_id], [owner_type], [signals], [exporter_type], [exporter_endpoint], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_telemetry_drains/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([owner_id]) > 72 OR DATALENGTH([owner_type]) > 10 OR DATALENGTH([signals]) > 8000 OR DATALENGTH([exporter_type]) > 16 OR DATALENGTH([exporter_endpoint]) > 2000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__owner_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([owner_type]) > 10 THEN 1 ELSE 0 END), 0) AS [truncated__owner_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([signals]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__signals],
    COALESCE(SUM(CASE WHEN DATALENGTH([exporter_type]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__exporter_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([exporter_endpoint]) > 2000 THEN 1 ELSE 0 END), 0) AS [truncated__exporter_endpoint],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_telemetry_drains__5e64466aae2e65dc];

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_telemetry_drains__5e64466aae2e65dc]) AS [k];

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_telemetry_drains]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_telemetry_drains__5e64466aae2e65dc] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_telemetry_drains].[id]
);

INSERT INTO [dbo].[heroku_telemetry_drains] ([created_at], [id], [owner_id], [owner_type], [signals], [exporter_type], [exporter_endpoint], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [owner_id], [owner_type], [signals], [exporter_type], [exporter_endpoint], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [created_at] AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([owner_id] AS nvarchar(36)) AS [owner_id],
        CAST([owner_type] AS nvarchar(5)) AS [owner_type],
        CAST([signals] AS nvarchar(4000)) AS [signals],
        CAST([exporter_type] AS nvarchar(8)) AS [exporter_type],
        CAST([exporter_endpoint] AS nvarchar(1000)) AS [exporter_endpoint],
        [updated_at] AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        [_fetched_at] AS [_fetched_at],
        [_deleted_at] AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_telemetry_drains__5e64466aae2e65dc]
) AS [d]
WHERE [__row_number] = 1;

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_telemetry_drains__5e64466aae2e65dc]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_telemetry_drains__5e64466aae2e65dc];
