IF OBJECT_ID(N'[stg].[heroku_oci_images__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_oci_images__0123456789ab] (
    [id] nvarchar(max) NULL,
    [base_image_name] nvarchar(max) NULL,
    [base_top_layer] nvarchar(max) NULL,
    [commit] nvarchar(max) NULL,
    [commit_description] nvarchar(max) NULL,
    [image_repo] nvarchar(max) NULL,
    [digest] nvarchar(max) NULL,
    [stack_id] nvarchar(max) NULL,
    [stack_name] nvarchar(max) NULL,
    [process_types] nvarchar(max) NULL,
    [buildpacks] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [updated_at] bigint NULL,
    [architecture] nvarchar(max) NULL,
    [deleted_at] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_oci_images__0123456789ab];

COPY INTO [stg].[heroku_oci_images__0123456789ab] ([id], [base_image_name], [base_top_layer], [commit], [commit_description], [image_repo], [digest], [stack_id], [stack_name], [process_types], [buildpacks], [created_at], [updated_at], [architecture], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_oci_images/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([base_image_name]) > 4000 OR DATALENGTH([base_top_layer]) > 4000 OR DATALENGTH([commit]) > 4000 OR DATALENGTH([commit_description]) > 4000 OR DATALENGTH([image_repo]) > 4000 OR DATALENGTH([digest]) > 4000 OR DATALENGTH([stack_id]) > 72 OR DATALENGTH([stack_name]) > 4000 OR DATALENGTH([process_types]) > 8000 OR DATALENGTH([buildpacks]) > 8000 OR DATALENGTH([architecture]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([base_image_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__base_image_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([base_top_layer]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__base_top_layer],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__commit],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit_description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__commit_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([image_repo]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__image_repo],
    COALESCE(SUM(CASE WHEN DATALENGTH([digest]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__digest],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__stack_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__stack_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_types]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__process_types],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpacks]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__buildpacks],
    COALESCE(SUM(CASE WHEN DATALENGTH([architecture]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__architecture],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_oci_images__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_oci_images__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_oci_images]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_oci_images__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_oci_images].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

INSERT INTO [dbo].[heroku_oci_images] ([id], [base_image_name], [base_top_layer], [commit], [commit_description], [image_repo], [digest], [stack_id], [stack_name], [process_types], [buildpacks], [created_at], [updated_at], [architecture], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [base_image_name], [base_top_layer], [commit], [commit_description], [image_repo], [digest], [stack_id], [stack_name], [process_types], [buildpacks], [created_at], [updated_at], [architecture], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([base_image_name] AS nvarchar(2000)) AS [base_image_name],
        CAST([base_top_layer] AS nvarchar(2000)) AS [base_top_layer],
        CAST([commit] AS nvarchar(2000)) AS [commit],
        CAST([commit_description] AS nvarchar(2000)) AS [commit_description],
        CAST([image_repo] AS nvarchar(2000)) AS [image_repo],
        CAST([digest] AS nvarchar(2000)) AS [digest],
        CAST([stack_id] AS nvarchar(36)) AS [stack_id],
        CAST([stack_name] AS nvarchar(2000)) AS [stack_name],
        CAST([process_types] AS nvarchar(4000)) AS [process_types],
        CAST([buildpacks] AS nvarchar(4000)) AS [buildpacks],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([architecture] AS nvarchar(2000)) AS [architecture],
        DATEADD(MICROSECOND, CAST([deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [deleted_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_oci_images__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_oci_images__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_oci_images__0123456789ab];
