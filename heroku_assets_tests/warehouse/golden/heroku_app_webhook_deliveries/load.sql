IF OBJECT_ID(N'[stg].[heroku_app_webhook_deliveries__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_app_webhook_deliveries__0123456789ab] (
    [created_at] bigint NULL,
    [event_id] nvarchar(max) NULL,
    [event_include] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [num_attempts] bigint NULL,
    [next_attempt_at] bigint NULL,
    [last_attempt_id] nvarchar(max) NULL,
    [last_attempt_code] bigint NULL,
    [last_attempt_error_class] nvarchar(max) NULL,
    [last_attempt_status] nvarchar(max) NULL,
    [last_attempt_created_at] bigint NULL,
    [last_attempt_updated_at] bigint NULL,
    [status] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [webhook_id] nvarchar(max) NULL,
    [webhook_level] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_app_webhook_deliveries__0123456789ab];

COPY INTO [stg].[heroku_app_webhook_deliveries__0123456789ab] ([created_at], [event_id], [event_include], [id], [num_attempts], [next_attempt_at], [last_attempt_id], [last_attempt_code], [last_attempt_error_class], [last_attempt_status], [last_attempt_created_at], [last_attempt_updated_at], [status], [updated_at], [webhook_id], [webhook_level], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_app_webhook_deliveries/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_id]) > 72 OR DATALENGTH([event_include]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([last_attempt_id]) > 72 OR DATALENGTH([last_attempt_error_class]) > 4000 OR DATALENGTH([last_attempt_status]) > 18 OR DATALENGTH([status]) > 18 OR DATALENGTH([webhook_id]) > 72 OR DATALENGTH([webhook_level]) > 12 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__event_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_include]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__event_include],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([last_attempt_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__last_attempt_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([last_attempt_error_class]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__last_attempt_error_class],
    COALESCE(SUM(CASE WHEN DATALENGTH([last_attempt_status]) > 18 THEN 1 ELSE 0 END), 0) AS [truncated__last_attempt_status],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 18 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([webhook_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__webhook_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([webhook_level]) > 12 THEN 1 ELSE 0 END), 0) AS [truncated__webhook_level],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_app_webhook_deliveries__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_app_webhook_deliveries__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_app_webhook_deliveries]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_app_webhook_deliveries__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_app_webhook_deliveries].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

INSERT INTO [dbo].[heroku_app_webhook_deliveries] ([created_at], [event_id], [event_include], [id], [num_attempts], [next_attempt_at], [last_attempt_id], [last_attempt_code], [last_attempt_error_class], [last_attempt_status], [last_attempt_created_at], [last_attempt_updated_at], [status], [updated_at], [webhook_id], [webhook_level], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [event_id], [event_include], [id], [num_attempts], [next_attempt_at], [last_attempt_id], [last_attempt_code], [last_attempt_error_class], [last_attempt_status], [last_attempt_created_at], [last_attempt_updated_at], [status], [updated_at], [webhook_id], [webhook_level], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([event_id] AS nvarchar(36)) AS [event_id],
        CAST([event_include] AS nvarchar(2000)) AS [event_include],
        CAST([id] AS nvarchar(36)) AS [id],
        [num_attempts] AS [num_attempts],
        DATEADD(MICROSECOND, CAST([next_attempt_at] % 1000000 AS int), DATEADD(SECOND, CAST(([next_attempt_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([next_attempt_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [next_attempt_at],
        CAST([last_attempt_id] AS nvarchar(36)) AS [last_attempt_id],
        [last_attempt_code] AS [last_attempt_code],
        CAST([last_attempt_error_class] AS nvarchar(2000)) AS [last_attempt_error_class],
        CAST([last_attempt_status] AS nvarchar(9)) AS [last_attempt_status],
        DATEADD(MICROSECOND, CAST([last_attempt_created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([last_attempt_created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([last_attempt_created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [last_attempt_created_at],
        DATEADD(MICROSECOND, CAST([last_attempt_updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([last_attempt_updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([last_attempt_updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [last_attempt_updated_at],
        CAST([status] AS nvarchar(9)) AS [status],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([webhook_id] AS nvarchar(36)) AS [webhook_id],
        CAST([webhook_level] AS nvarchar(6)) AS [webhook_level],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_app_webhook_deliveries__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_app_webhook_deliveries__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_app_webhook_deliveries__0123456789ab];
