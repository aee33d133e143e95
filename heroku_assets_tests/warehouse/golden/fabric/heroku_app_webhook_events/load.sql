IF OBJECT_ID(N'[stg].[heroku_app_webhook_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_app_webhook_events__0123456789ab] (
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [include] varchar(max) NULL,
    [payload_action] varchar(max) NULL,
    [payload_actor_email] varchar(8000) NULL,
    [payload_actor_id] varchar(8000) NULL,
    [payload_data] varchar(max) NULL,
    [payload_previous_data] varchar(max) NULL,
    [payload_resource] varchar(max) NULL,
    [payload_version] varchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_app_webhook_events__0123456789ab];

COPY INTO [stg].[heroku_app_webhook_events__0123456789ab] ([created_at], [id], [include], [payload_action], [payload_actor_email], [payload_actor_id], [payload_data], [payload_previous_data], [payload_resource], [payload_version], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_app_webhook_events/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([include]) > DATALENGTH(CAST(LEFT([include], 2000) AS varchar(8000))) OR DATALENGTH([payload_action]) > DATALENGTH(CAST(LEFT([payload_action], 2000) AS varchar(8000))) OR DATALENGTH([payload_actor_email]) > DATALENGTH(CAST(LEFT([payload_actor_email], 320) AS varchar(1280))) OR DATALENGTH([payload_actor_id]) > DATALENGTH(CAST(LEFT([payload_actor_id], 36) AS varchar(144))) OR DATALENGTH([payload_data]) > DATALENGTH(CAST(LEFT([payload_data], 4000) AS varchar(8000))) OR DATALENGTH([payload_previous_data]) > DATALENGTH(CAST(LEFT([payload_previous_data], 4000) AS varchar(8000))) OR DATALENGTH([payload_resource]) > DATALENGTH(CAST(LEFT([payload_resource], 2000) AS varchar(8000))) OR DATALENGTH([payload_version]) > DATALENGTH(CAST(LEFT([payload_version], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([include]) > DATALENGTH(CAST(LEFT([include], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__include],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_action]) > DATALENGTH(CAST(LEFT([payload_action], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__payload_action],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_actor_email]) > DATALENGTH(CAST(LEFT([payload_actor_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__payload_actor_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_actor_id]) > DATALENGTH(CAST(LEFT([payload_actor_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__payload_actor_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_data]) > DATALENGTH(CAST(LEFT([payload_data], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__payload_data],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_previous_data]) > DATALENGTH(CAST(LEFT([payload_previous_data], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__payload_previous_data],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_resource]) > DATALENGTH(CAST(LEFT([payload_resource], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__payload_resource],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_version]) > DATALENGTH(CAST(LEFT([payload_version], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__payload_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_app_webhook_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_app_webhook_events__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_app_webhook_events]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_app_webhook_events__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_app_webhook_events].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

INSERT INTO [dbo].[heroku_app_webhook_events] ([created_at], [id], [include], [payload_action], [payload_actor_email], [payload_actor_id], [payload_data], [payload_previous_data], [payload_resource], [payload_version], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [include], [payload_action], [payload_actor_email], [payload_actor_id], [payload_data], [payload_previous_data], [payload_resource], [payload_version], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([include], 2000) AS varchar(8000)) AS [include],
        CAST(LEFT([payload_action], 2000) AS varchar(8000)) AS [payload_action],
        CAST(LEFT([payload_actor_email], 320) AS varchar(1280)) AS [payload_actor_email],
        CAST(LEFT([payload_actor_id], 36) AS varchar(144)) AS [payload_actor_id],
        CAST(LEFT([payload_data], 4000) AS varchar(8000)) AS [payload_data],
        CAST(LEFT([payload_previous_data], 4000) AS varchar(8000)) AS [payload_previous_data],
        CAST(LEFT([payload_resource], 2000) AS varchar(8000)) AS [payload_resource],
        CAST(LEFT([payload_version], 2000) AS varchar(8000)) AS [payload_version],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_app_webhook_events__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_app_webhook_events__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_app_webhook_events__0123456789ab];
