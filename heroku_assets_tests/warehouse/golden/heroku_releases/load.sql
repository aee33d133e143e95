IF OBJECT_ID(N'[stg].[heroku_releases__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_releases__0123456789ab] (
    [addon_plan_names] nvarchar(max) NULL,
    [artifacts] nvarchar(max) NULL,
    [app_name] nvarchar(max) NULL,
    [app_id] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [description] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [slug_id] nvarchar(max) NULL,
    [status] nvarchar(max) NULL,
    [user_id] nvarchar(max) NULL,
    [user_email] nvarchar(max) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] nvarchar(max) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_releases__0123456789ab];

COPY INTO [stg].[heroku_releases__0123456789ab] ([addon_plan_names], [artifacts], [app_name], [app_id], [created_at], [description], [id], [updated_at], [slug_id], [status], [user_id], [user_email], [version], [current], [output_stream_url], [eligible_for_rollback], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_releases/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_plan_names]) > 8000 OR DATALENGTH([artifacts]) > 8000 OR DATALENGTH([app_name]) > 60 OR DATALENGTH([app_id]) > 72 OR DATALENGTH([description]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([slug_id]) > 72 OR DATALENGTH([status]) > 18 OR DATALENGTH([user_id]) > 72 OR DATALENGTH([user_email]) > 640 OR DATALENGTH([output_stream_url]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_plan_names]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__addon_plan_names],
    COALESCE(SUM(CASE WHEN DATALENGTH([artifacts]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__artifacts],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > 60 THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__description],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([slug_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__slug_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 18 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([output_stream_url]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__output_stream_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_releases__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_releases__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_releases]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_releases__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_releases].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

INSERT INTO [dbo].[heroku_releases] ([addon_plan_names], [artifacts], [app_name], [app_id], [created_at], [description], [id], [updated_at], [slug_id], [status], [user_id], [user_email], [version], [current], [output_stream_url], [eligible_for_rollback], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [addon_plan_names], [artifacts], [app_name], [app_id], [created_at], [description], [id], [updated_at], [slug_id], [status], [user_id], [user_email], [version], [current], [output_stream_url], [eligible_for_rollback], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([addon_plan_names] AS nvarchar(4000)) AS [addon_plan_names],
        CAST([artifacts] AS nvarchar(4000)) AS [artifacts],
        CAST([app_name] AS nvarchar(30)) AS [app_name],
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([description] AS nvarchar(2000)) AS [description],
        CAST([id] AS nvarchar(36)) AS [id],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([slug_id] AS nvarchar(36)) AS [slug_id],
        CAST([status] AS nvarchar(9)) AS [status],
        CAST([user_id] AS nvarchar(36)) AS [user_id],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        [version] AS [version],
        [current] AS [current],
        CAST([output_stream_url] AS nvarchar(2000)) AS [output_stream_url],
        [eligible_for_rollback] AS [eligible_for_rollback],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_releases__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_releases__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_releases__0123456789ab];
