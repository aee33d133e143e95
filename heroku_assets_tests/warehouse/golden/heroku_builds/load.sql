IF OBJECT_ID(N'[stg].[heroku_builds__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_builds__0123456789ab] (
    [app_id] nvarchar(max) NULL,
    [buildpacks] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [generation] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [output_stream_url] nvarchar(max) NULL,
    [source_blob_checksum] nvarchar(max) NULL,
    [source_blob_url] nvarchar(max) NULL,
    [source_blob_version] nvarchar(max) NULL,
    [source_blob_version_description] nvarchar(max) NULL,
    [release_id] nvarchar(max) NULL,
    [slug_id] nvarchar(max) NULL,
    [stack] nvarchar(max) NULL,
    [status] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [user_id] nvarchar(max) NULL,
    [user_email] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 OR DATALENGTH([buildpacks]) > 8000 OR DATALENGTH([generation]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([output_stream_url]) > 4000 OR DATALENGTH([source_blob_checksum]) > 4000 OR DATALENGTH([source_blob_url]) > 4000 OR DATALENGTH([source_blob_version]) > 4000 OR DATALENGTH([source_blob_version_description]) > 4000 OR DATALENGTH([release_id]) > 72 OR DATALENGTH([slug_id]) > 72 OR DATALENGTH([stack]) > 4000 OR DATALENGTH([status]) > 18 OR DATALENGTH([user_id]) > 72 OR DATALENGTH([user_email]) > 640 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__app_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpacks]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__buildpacks],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__generation],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([output_stream_url]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__output_stream_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_checksum]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_checksum],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_url]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_version]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_blob_version_description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__source_blob_version_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([release_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__release_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([slug_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__slug_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__stack],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 18 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__user_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([user_email]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__user_email],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_builds__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_builds__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_builds]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_builds__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_builds].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

INSERT INTO [dbo].[heroku_builds] ([app_id], [buildpacks], [created_at], [generation], [id], [output_stream_url], [source_blob_checksum], [source_blob_url], [source_blob_version], [source_blob_version_description], [release_id], [slug_id], [stack], [status], [updated_at], [user_id], [user_email], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [app_id], [buildpacks], [created_at], [generation], [id], [output_stream_url], [source_blob_checksum], [source_blob_url], [source_blob_version], [source_blob_version_description], [release_id], [slug_id], [stack], [status], [updated_at], [user_id], [user_email], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([app_id] AS nvarchar(36)) AS [app_id],
        CAST([buildpacks] AS nvarchar(4000)) AS [buildpacks],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([generation] AS nvarchar(2000)) AS [generation],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([output_stream_url] AS nvarchar(2000)) AS [output_stream_url],
        CAST([source_blob_checksum] AS nvarchar(2000)) AS [source_blob_checksum],
        CAST([source_blob_url] AS nvarchar(2000)) AS [source_blob_url],
        CAST([source_blob_version] AS nvarchar(2000)) AS [source_blob_version],
        CAST([source_blob_version_description] AS nvarchar(2000)) AS [source_blob_version_description],
        CAST([release_id] AS nvarchar(36)) AS [release_id],
        CAST([slug_id] AS nvarchar(36)) AS [slug_id],
        CAST([stack] AS nvarchar(2000)) AS [stack],
        CAST([status] AS nvarchar(9)) AS [status],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([user_id] AS nvarchar(36)) AS [user_id],
        CAST([user_email] AS nvarchar(320)) AS [user_email],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_builds__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_builds:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_builds__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_builds__0123456789ab];
