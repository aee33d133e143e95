IF OBJECT_ID(N'[stg].[heroku_review_apps__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_review_apps__0123456789ab] (
    [app_id] nvarchar(max) NULL,
    [app_setup_id] nvarchar(max) NULL,
    [branch] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [pipeline_id] nvarchar(max) NULL,
    [status] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [creator] nvarchar(max) NULL,
    [wait_for_ci] bit NULL,
    [error_status] nvarchar(max) NULL,
    [message] nvarchar(max) NULL,
    [fork_repo_id] bigint NULL,
    [pr_number] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_review_apps__0123456789ab];

COPY INTO [stg].[heroku_review_apps__0123456789ab] ([app_id], [app_setup_id], [branch], [created_at], [id], [pipeline_id], [status], [updated_at], [creator], [wait_for_ci], [error_status], [message], [fork_repo_id], [pr_number], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_review_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 OR DATALENGTH([app_setup_id]) > 72 OR DATALENGTH([branch]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([pipeline_id]) > 72 OR DATALENGTH([status]) > 16 OR DATALENGTH([creator]) > 8000 OR DATALENGTH([error_status]) > 4000 OR DATALENGTH([message]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_setup_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_setup_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([branch]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__branch],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([pipeline_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__pipeline_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([creator]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__creator],
    COALESCE(SUM(CASE WHEN DATALENGTH([error_status]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__error_status],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_review_apps__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_review_apps__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_review_apps]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_review_apps__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_review_apps].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

INSERT INTO [dbo].[heroku_review_apps] ([app_id], [app_setup_id], [branch], [created_at], [id], [pipeline_id], [status], [updated_at], [creator], [wait_for_ci], [error_status], [message], [fork_repo_id], [pr_number], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [app_id], [app_setup_id], [branch], [created_at], [id], [pipeline_id], [status], [updated_at], [creator], [wait_for_ci], [error_status], [message], [fork_repo_id], [pr_number], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        CAST([app_setup_id] AS nvarchar(36)) AS [app_setup_id],
        CAST([branch] AS nvarchar(2000)) AS [branch],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([pipeline_id] AS nvarchar(36)) AS [pipeline_id],
        CAST([status] AS nvarchar(8)) AS [status],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([creator] AS nvarchar(4000)) AS [creator],
        [wait_for_ci] AS [wait_for_ci],
        CAST([error_status] AS nvarchar(2000)) AS [error_status],
        CAST([message] AS nvarchar(2000)) AS [message],
        [fork_repo_id] AS [fork_repo_id],
        [pr_number] AS [pr_number],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_review_apps__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_review_apps__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_review_apps__0123456789ab];
