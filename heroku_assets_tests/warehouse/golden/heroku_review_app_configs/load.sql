IF OBJECT_ID(N'[stg].[heroku_review_app_configs__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_review_app_configs__0123456789ab] (
    [repo_id] bigint NULL,
    [automatic_review_apps] bit NULL,
    [deploy_target_id] nvarchar(max) NULL,
    [deploy_target_type] nvarchar(max) NULL,
    [destroy_stale_apps] bit NULL,
    [stale_days] bigint NULL,
    [pipeline_id] nvarchar(max) NULL,
    [wait_for_ci] bit NULL,
    [base_name] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_review_app_configs__0123456789ab];

COPY INTO [stg].[heroku_review_app_configs__0123456789ab] ([repo_id], [automatic_review_apps], [deploy_target_id], [deploy_target_type], [destroy_stale_apps], [stale_days], [pipeline_id], [wait_for_ci], [base_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_review_app_configs/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([deploy_target_id]) > 72 OR DATALENGTH([deploy_target_type]) > 12 OR DATALENGTH([pipeline_id]) > 72 OR DATALENGTH([base_name]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([deploy_target_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__deploy_target_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([deploy_target_type]) > 12 THEN 1 ELSE 0 END), 0) AS [truncated__deploy_target_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([pipeline_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__pipeline_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([base_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__base_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_review_app_configs__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_review_app_configs:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent] FROM [stg].[heroku_review_app_configs__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_review_app_configs:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_review_app_configs]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_review_app_configs__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_review_app_configs].[_parent]
)
OPTION (LABEL = 'heroku-assets:heroku_review_app_configs:upsert');

INSERT INTO [dbo].[heroku_review_app_configs] ([repo_id], [automatic_review_apps], [deploy_target_id], [deploy_target_type], [destroy_stale_apps], [stale_days], [pipeline_id], [wait_for_ci], [base_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [repo_id], [automatic_review_apps], [deploy_target_id], [deploy_target_type], [destroy_stale_apps], [stale_days], [pipeline_id], [wait_for_ci], [base_name], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [repo_id] AS [repo_id],
        [automatic_review_apps] AS [automatic_review_apps],
        CAST([deploy_target_id] AS nvarchar(36)) AS [deploy_target_id],
        CAST([deploy_target_type] AS nvarchar(6)) AS [deploy_target_type],
        [destroy_stale_apps] AS [destroy_stale_apps],
        [stale_days] AS [stale_days],
        CAST([pipeline_id] AS nvarchar(36)) AS [pipeline_id],
        [wait_for_ci] AS [wait_for_ci],
        CAST([base_name] AS nvarchar(2000)) AS [base_name],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_review_app_configs__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_review_app_configs:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_review_app_configs__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_review_app_configs__0123456789ab];
