IF OBJECT_ID(N'[stg].[heroku_app_webhook_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_app_webhook_events__0123456789ab] (
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [include] nvarchar(max) NULL,
    [payload_action] nvarchar(max) NULL,
    [payload_actor_email] nvarchar(max) NULL,
    [payload_actor_id] nvarchar(max) NULL,
    [payload_data] nvarchar(max) NULL,
    [payload_previous_data] nvarchar(max) NULL,
    [payload_resource] nvarchar(max) NULL,
    [payload_version] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([include]) > 4000 OR DATALENGTH([payload_action]) > 4000 OR DATALENGTH([payload_actor_email]) > 640 OR DATALENGTH([payload_actor_id]) > 72 OR DATALENGTH([payload_data]) > 8000 OR DATALENGTH([payload_previous_data]) > 8000 OR DATALENGTH([payload_resource]) > 4000 OR DATALENGTH([payload_version]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([include]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__include],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_action]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__payload_action],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_actor_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__payload_actor_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_actor_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__payload_actor_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_data]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__payload_data],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_previous_data]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__payload_previous_data],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_resource]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__payload_resource],
    COALESCE(SUM(CASE WHEN DATALENGTH([payload_version]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__payload_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_app_webhook_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_app_webhook_events__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_app_webhook_events]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_app_webhook_events__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_app_webhook_events].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

INSERT INTO [dbo].[heroku_app_webhook_events] ([created_at], [id], [include], [payload_action], [payload_actor_email], [payload_actor_id], [payload_data], [payload_previous_data], [payload_resource], [payload_version], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [include], [payload_action], [payload_actor_email], [payload_actor_id], [payload_data], [payload_previous_data], [payload_resource], [payload_version], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([include] AS nvarchar(2000)) AS [include],
        CAST([payload_action] AS nvarchar(2000)) AS [payload_action],
        CAST([payload_actor_email] AS nvarchar(320)) AS [payload_actor_email],
        CAST([payload_actor_id] AS nvarchar(36)) AS [payload_actor_id],
        CAST([payload_data] AS nvarchar(4000)) AS [payload_data],
        CAST([payload_previous_data] AS nvarchar(4000)) AS [payload_previous_data],
        CAST([payload_resource] AS nvarchar(2000)) AS [payload_resource],
        CAST([payload_version] AS nvarchar(2000)) AS [payload_version],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_app_webhook_events__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_app_webhook_events:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_app_webhook_events__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_app_webhook_events__0123456789ab];
