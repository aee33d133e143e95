IF OBJECT_ID(N'[stg].[heroku_releases__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_releases__0123456789ab] (
    [addon_plan_names] varchar(max) NULL,
    [artifacts] varchar(max) NULL,
    [app_name] varchar(8000) NULL,
    [app_id] varchar(8000) NULL,
    [created_at] bigint NULL,
    [description] varchar(max) NULL,
    [id] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [slug_id] varchar(8000) NULL,
    [status] varchar(8000) NULL,
    [user_id] varchar(8000) NULL,
    [user_email] varchar(8000) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] varchar(max) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_plan_names]) > DATALENGTH(CAST(LEFT([addon_plan_names], 4000) AS varchar(8000))) OR DATALENGTH([artifacts]) > DATALENGTH(CAST(LEFT([artifacts], 4000) AS varchar(8000))) OR DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) OR DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([description]) > DATALENGTH(CAST(LEFT([description], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([slug_id]) > DATALENGTH(CAST(LEFT([slug_id], 36) AS varchar(144))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) OR DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) OR DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) OR DATALENGTH([output_stream_url]) > DATALENGTH(CAST(LEFT([output_stream_url], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon_plan_names]) > DATALENGTH(CAST(LEFT([addon_plan_names], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__addon_plan_names],
    COALESCE(SUM(CASE WHEN DATALENGTH([artifacts]) > DATALENGTH(CAST(LEFT([artifacts], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__artifacts],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_name]) > DATALENGTH(CAST(LEFT([app_name], 30) AS varchar(120))) THEN 1 ELSE 0 END), 0) AS [truncated__app_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([description]) > DATALENGTH(CAST(LEFT([description], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__description],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([slug_id]) > DATALENGTH(CAST(LEFT([slug_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__slug_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([output_stream_url]) > DATALENGTH(CAST(LEFT([output_stream_url], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__output_stream_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_releases__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_releases__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_releases]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_releases__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_releases].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

INSERT INTO [dbo].[heroku_releases] ([addon_plan_names], [artifacts], [app_name], [app_id], [created_at], [description], [id], [updated_at], [slug_id], [status], [user_id], [user_email], [version], [current], [output_stream_url], [eligible_for_rollback], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [addon_plan_names], [artifacts], [app_name], [app_id], [created_at], [description], [id], [updated_at], [slug_id], [status], [user_id], [user_email], [version], [current], [output_stream_url], [eligible_for_rollback], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([addon_plan_names], 4000) AS varchar(8000)) AS [addon_plan_names],
        CAST(LEFT([artifacts], 4000) AS varchar(8000)) AS [artifacts],
        CAST(LEFT([app_name], 30) AS varchar(120)) AS [app_name],
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([description], 2000) AS varchar(8000)) AS [description],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([slug_id], 36) AS varchar(144)) AS [slug_id],
        CAST(LEFT([status], 9) AS varchar(36)) AS [status],
        CAST(LEFT([user_id], 36) AS varchar(144)) AS [user_id],
        CAST(LEFT([user_email], 320) AS varchar(1280)) AS [user_email],
        [version] AS [version],
        [current] AS [current],
        CAST(LEFT([output_stream_url], 2000) AS varchar(8000)) AS [output_stream_url],
        [eligible_for_rollback] AS [eligible_for_rollback],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_releases__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_releases:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_releases__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_releases__0123456789ab];
