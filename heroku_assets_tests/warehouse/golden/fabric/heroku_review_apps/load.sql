IF OBJECT_ID(N'[stg].[heroku_review_apps__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_review_apps__0123456789ab] (
    [app_id] varchar(8000) NULL,
    [app_setup_id] varchar(8000) NULL,
    [branch] varchar(max) NULL,
    [created_at] bigint NULL,
    [id] varchar(8000) NULL,
    [pipeline_id] varchar(8000) NULL,
    [status] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [creator] varchar(max) NULL,
    [wait_for_ci] bit NULL,
    [error_status] varchar(max) NULL,
    [message] varchar(max) NULL,
    [fork_repo_id] bigint NULL,
    [pr_number] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([app_setup_id]) > DATALENGTH(CAST(LEFT([app_setup_id], 36) AS varchar(144))) OR DATALENGTH([branch]) > DATALENGTH(CAST(LEFT([branch], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([pipeline_id]) > DATALENGTH(CAST(LEFT([pipeline_id], 36) AS varchar(144))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 8) AS varchar(32))) OR DATALENGTH([creator]) > DATALENGTH(CAST(LEFT([creator], 4000) AS varchar(8000))) OR DATALENGTH([error_status]) > DATALENGTH(CAST(LEFT([error_status], 2000) AS varchar(8000))) OR DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_setup_id]) > DATALENGTH(CAST(LEFT([app_setup_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_setup_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([branch]) > DATALENGTH(CAST(LEFT([branch], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__branch],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([pipeline_id]) > DATALENGTH(CAST(LEFT([pipeline_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__pipeline_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([creator]) > DATALENGTH(CAST(LEFT([creator], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__creator],
    COALESCE(SUM(CASE WHEN DATALENGTH([error_status]) > DATALENGTH(CAST(LEFT([error_status], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__error_status],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_review_apps__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_review_apps__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_review_apps]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_review_apps__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_review_apps].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

INSERT INTO [dbo].[heroku_review_apps] ([app_id], [app_setup_id], [branch], [created_at], [id], [pipeline_id], [status], [updated_at], [creator], [wait_for_ci], [error_status], [message], [fork_repo_id], [pr_number], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [app_id], [app_setup_id], [branch], [created_at], [id], [pipeline_id], [status], [updated_at], [creator], [wait_for_ci], [error_status], [message], [fork_repo_id], [pr_number], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        CAST(LEFT([app_setup_id], 36) AS varchar(144)) AS [app_setup_id],
        CAST(LEFT([branch], 2000) AS varchar(8000)) AS [branch],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([pipeline_id], 36) AS varchar(144)) AS [pipeline_id],
        CAST(LEFT([status], 8) AS varchar(32)) AS [status],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([creator], 4000) AS varchar(8000)) AS [creator],
        [wait_for_ci] AS [wait_for_ci],
        CAST(LEFT([error_status], 2000) AS varchar(8000)) AS [error_status],
        CAST(LEFT([message], 2000) AS varchar(8000)) AS [message],
        [fork_repo_id] AS [fork_repo_id],
        [pr_number] AS [pr_number],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_review_apps__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_review_apps:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_review_apps__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_review_apps__0123456789ab];
