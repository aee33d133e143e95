IF OBJECT_ID(N'[stg].[heroku_builds__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_builds__0123456789ab] (
    [app_id] varchar(8000) NULL,
    [buildpacks] varchar(max) NULL,
    [created_at] bigint NULL,
    [generation] varchar(max) NULL,
    [id] varchar(8000) NULL,
    [output_stream_url] varchar(max) NULL,
    [source_blob_checksum] varchar(max) NULL,
    [source_blob_url] varchar(max) NULL,
    [source_blob_version] varchar(max) NULL,
    [source_blob_version_description] varchar(max) NULL,
    [release_id] varchar(8000) NULL,
    [slug_id] varchar(8000) NULL,
    [stack] varchar(max) NULL,
    [status] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [user_id] varchar(8000) NULL,
    [user_email] varchar(8000) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_builds__0123456789ab];

COPY INTO [stg].[heroku_builds__0123456789ab] ([app_id], [buildpacks], [created_at], [generation], [id], [output_stream_url], [source_blob_checksum], [source_blob_url], [source_blob_version], [source_blob_version_description], [release_id], [slug_id], [stack], [status], [updated_at], [user_id], [user_email], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_builds/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) OR DATALENGTH([buildpacks]) > DATALENGTH(CAST(LEFT([buildpacks], 4000) AS varchar(8000))) OR DATALENGTH([generation]) > DATALENGTH(CAST(LEFT([generation], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([output_stream_url]) > DATALENGTH(CAST(LEFT([output_stream_url], 2000) AS varchar(8000))) OR DATALENGTH([source_blob_checksum]) > DATALENGTH(CAST(LEFT([source_blob_checksum], 2000) AS varchar(8000))) OR DATALENGTH([source_blob_url]) > DATALENGTH(CAST(LEFT([source_blob_url], 2000) AS varchar(8000))) OR DATALENGTH([source_blob_version]) > DATALENGTH(CAST(LEFT([source_blob_version], 2000) AS varchar(8000))) OR DATALENGTH([source_blob_version_description]) > DATALENGTH(CAST(LEFT([source_blob_version_description], 2000) AS varchar(8000))) OR DATALENGTH([release_id]) > DATALENGTH(CAST(LEFT([release_id], 36) AS varchar(144))) OR DATALENGTH([slug_id]) > DATALENGTH(CAST(LEFT([slug_id], 36) AS varchar(144))) OR DATALENGTH([stack]) > DATALENGTH(CAST(LEFT([stack], 2000) AS varchar(8000))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) OR DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) OR DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > DATALENGTH(CAST(LEFT([app_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpacks]) > DATALENGTH(CAST(LEFT([buildpacks], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__buildpacks],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation]) > DATALENGTH(CAST(LEFT([generation], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__generation],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([output_stream_url]) > DATALENGTH(CAST(LEFT([output_stream_url], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__output_stream_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_checksum]) > DATALENGTH(CAST(LEFT([source_blob_checksum], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_checksum],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_url]) > DATALENGTH(CAST(LEFT([source_blob_url], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_version]) > DATALENGTH(CAST(LEFT([source_blob_version], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_version_description]) > DATALENGTH(CAST(LEFT([source_blob_version_description], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_version_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([release_id]) > DATALENGTH(CAST(LEFT([release_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__release_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([slug_id]) > DATALENGTH(CAST(LEFT([slug_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__slug_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack]) > DATALENGTH(CAST(LEFT([stack], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__stack],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 9) AS varchar(36))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > DATALENGTH(CAST(LEFT([user_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > DATALENGTH(CAST(LEFT([user_email], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_builds__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_builds__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_builds]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_builds__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_builds].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

INSERT INTO [dbo].[heroku_builds] ([app_id], [buildpacks], [created_at], [generation], [id], [output_stream_url], [source_blob_checksum], [source_blob_url], [source_blob_version], [source_blob_version_description], [release_id], [slug_id], [stack], [status], [updated_at], [user_id], [user_email], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [app_id], [buildpacks], [created_at], [generation], [id], [output_stream_url], [source_blob_checksum], [source_blob_url], [source_blob_version], [source_blob_version_description], [release_id], [slug_id], [stack], [status], [updated_at], [user_id], [user_email], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([app_id], 36) AS varchar(144)) AS [app_id],
        CAST(LEFT([buildpacks], 4000) AS varchar(8000)) AS [buildpacks],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([generation], 2000) AS varchar(8000)) AS [generation],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([output_stream_url], 2000) AS varchar(8000)) AS [output_stream_url],
        CAST(LEFT([source_blob_checksum], 2000) AS varchar(8000)) AS [source_blob_checksum],
        CAST(LEFT([source_blob_url], 2000) AS varchar(8000)) AS [source_blob_url],
        CAST(LEFT([source_blob_version], 2000) AS varchar(8000)) AS [source_blob_version],
        CAST(LEFT([source_blob_version_description], 2000) AS varchar(8000)) AS [source_blob_version_description],
        CAST(LEFT([release_id], 36) AS varchar(144)) AS [release_id],
        CAST(LEFT([slug_id], 36) AS varchar(144)) AS [slug_id],
        CAST(LEFT([stack], 2000) AS varchar(8000)) AS [stack],
        CAST(LEFT([status], 9) AS varchar(36)) AS [status],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([user_id], 36) AS varchar(144)) AS [user_id],
        CAST(LEFT([user_email], 320) AS varchar(1280)) AS [user_email],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_builds__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_builds__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_builds__0123456789ab];
