IF OBJECT_ID(N'[stg].[heroku_app_webhook_deliveries__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_app_webhook_deliveries__0123456789ab] (
    [created_at] bigint NULL,
    [event_id] varchar(8000) NULL,
    [event_include] varchar(max) NULL,
    [id] varchar(8000) NULL,
    [num_attempts] bigint NULL,
    [next_attempt_at] bigint NULL,
    [last_attempt_id] varchar(8000) NULL,
    [last_attempt_code] bigint NULL,
    [last_attempt_error_class] varchar(max) NULL,
    [last_attempt_status] varchar(8000) NULL,
    [last_attempt_created_at] bigint NULL,
    [last_attempt_updated_at] bigint NULL,
    [status] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [webhook_id] varchar(8000) NULL,
    [webhook_level] varchar(8000) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([event_id]) > DATALENGTH(CAST(LEFT([event_id], 36) AS varchar(144))) OR DATALENGTH([event_include]) > DATALENGTH(CAST(LEFT([event_include], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([last_attempt_id]) > DATALENGTH(CAST(LEFT([last_attempt_id], 36) AS varchar(144))) OR DATALENGTH([last_attempt_error_class]) > DATALENGTH(CAST(LEFT([last_attempt_error_class], 2000) AS varchar(8000))) OR DATALENGTH([last_attempt_status]) > DATALENGTH(CAST(LEFT([last_attempt_status], 9) AS varchar(36))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) OR DATALENGTH([webhook_id]) > DATALENGTH(CAST(LEFT([webhook_id], 36) AS varchar(144))) OR DATALENGTH([webhook_level]) > DATALENGTH(CAST(LEFT([webhook_level], 6) AS varchar(24))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_id]) > DATALENGTH(CAST(LEFT([event_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__event_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_include]) > DATALENGTH(CAST(LEFT([event_include], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__event_include],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([last_attempt_id]) > DATALENGTH(CAST(LEFT([last_attempt_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__last_attempt_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([last_attempt_error_class]) > DATALENGTH(CAST(LEFT([last_attempt_error_class], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__last_attempt_error_class],
    COALESCE(SUM(CASE WHEN DATALENGTH([last_attempt_status]) > DATALENGTH(CAST(LEFT([last_attempt_status], 9) AS varchar(36))) THEN 1 ELSE 0 END), 0) AS [truncated__last_attempt_status],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([webhook_id]) > DATALENGTH(CAST(LEFT([webhook_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__webhook_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([webhook_level]) > DATALENGTH(CAST(LEFT([webhook_level], 6) AS varchar(24))) THEN 1 ELSE 0 END), 0) AS [truncated__webhook_level],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_app_webhook_deliveries__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_app_webhook_deliveries__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_app_webhook_deliveries]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_app_webhook_deliveries__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_app_webhook_deliveries].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

INSERT INTO [dbo].[heroku_app_webhook_deliveries] ([created_at], [event_id], [event_include], [id], [num_attempts], [next_attempt_at], [last_attempt_id], [last_attempt_code], [last_attempt_error_class], [last_attempt_status], [last_attempt_created_at], [last_attempt_updated_at], [status], [updated_at], [webhook_id], [webhook_level], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [event_id], [event_include], [id], [num_attempts], [next_attempt_at], [last_attempt_id], [last_attempt_code], [last_attempt_error_class], [last_attempt_status], [last_attempt_created_at], [last_attempt_updated_at], [status], [updated_at], [webhook_id], [webhook_level], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([event_id], 36) AS varchar(144)) AS [event_id],
        CAST(LEFT([event_include], 2000) AS varchar(8000)) AS [event_include],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        [num_attempts] AS [num_attempts],
        DATEADD(MICROSECOND, CAST([next_attempt_at] % 1000000 AS int), DATEADD(SECOND, CAST(([next_attempt_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([next_attempt_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [next_attempt_at],
        CAST(LEFT([last_attempt_id], 36) AS varchar(144)) AS [last_attempt_id],
        [last_attempt_code] AS [last_attempt_code],
        CAST(LEFT([last_attempt_error_class], 2000) AS varchar(8000)) AS [last_attempt_error_class],
        CAST(LEFT([last_attempt_status], 9) AS varchar(36)) AS [last_attempt_status],
        DATEADD(MICROSECOND, CAST([last_attempt_created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([last_attempt_created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([last_attempt_created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [last_attempt_created_at],
        DATEADD(MICROSECOND, CAST([last_attempt_updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([last_attempt_updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([last_attempt_updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [last_attempt_updated_at],
        CAST(LEFT([status], 9) AS varchar(36)) AS [status],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([webhook_id], 36) AS varchar(144)) AS [webhook_id],
        CAST(LEFT([webhook_level], 6) AS varchar(24)) AS [webhook_level],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_app_webhook_deliveries__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_deliveries:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_app_webhook_deliveries__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_app_webhook_deliveries__0123456789ab];
