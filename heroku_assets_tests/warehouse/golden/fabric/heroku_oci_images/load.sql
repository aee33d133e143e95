IF OBJECT_ID(N'[stg].[heroku_oci_images__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_oci_images__0123456789ab] (
    [id] varchar(8000) NULL,
    [base_image_name] varchar(max) NULL,
    [base_top_layer] varchar(max) NULL,
    [commit] varchar(max) NULL,
    [commit_description] varchar(max) NULL,
    [image_repo] varchar(max) NULL,
    [digest] varchar(max) NULL,
    [stack_id] varchar(8000) NULL,
    [stack_name] varchar(max) NULL,
    [process_types] varchar(max) NULL,
    [buildpacks] varchar(max) NULL,
    [created_at] bigint NULL,
    [updated_at] bigint NULL,
    [architecture] varchar(max) NULL,
    [deleted_at] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([base_image_name]) > DATALENGTH(CAST(LEFT([base_image_name], 2000) AS varchar(8000))) OR DATALENGTH([base_top_layer]) > DATALENGTH(CAST(LEFT([base_top_layer], 2000) AS varchar(8000))) OR DATALENGTH([commit]) > DATALENGTH(CAST(LEFT([commit], 2000) AS varchar(8000))) OR DATALENGTH([commit_description]) > DATALENGTH(CAST(LEFT([commit_description], 2000) AS varchar(8000))) OR DATALENGTH([image_repo]) > DATALENGTH(CAST(LEFT([image_repo], 2000) AS varchar(8000))) OR DATALENGTH([digest]) > DATALENGTH(CAST(LEFT([digest], 2000) AS varchar(8000))) OR DATALENGTH([stack_id]) > DATALENGTH(CAST(LEFT([stack_id], 36) AS varchar(144))) OR DATALENGTH([stack_name]) > DATALENGTH(CAST(LEFT([stack_name], 2000) AS varchar(8000))) OR DATALENGTH([process_types]) > DATALENGTH(CAST(LEFT([process_types], 4000) AS varchar(8000))) OR DATALENGTH([buildpacks]) > DATALENGTH(CAST(LEFT([buildpacks], 4000) AS varchar(8000))) OR DATALENGTH([architecture]) > DATALENGTH(CAST(LEFT([architecture], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([base_image_name]) > DATALENGTH(CAST(LEFT([base_image_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__base_image_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([base_top_layer]) > DATALENGTH(CAST(LEFT([base_top_layer], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__base_top_layer],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit]) > DATALENGTH(CAST(LEFT([commit], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__commit],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit_description]) > DATALENGTH(CAST(LEFT([commit_description], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__commit_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([image_repo]) > DATALENGTH(CAST(LEFT([image_repo], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__image_repo],
    COALESCE(SUM(CASE WHEN DATALENGTH([digest]) > DATALENGTH(CAST(LEFT([digest], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__digest],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_id]) > DATALENGTH(CAST(LEFT([stack_id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__stack_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_name]) > DATALENGTH(CAST(LEFT([stack_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__stack_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_types]) > DATALENGTH(CAST(LEFT([process_types], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__process_types],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpacks]) > DATALENGTH(CAST(LEFT([buildpacks], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__buildpacks],
    COALESCE(SUM(CASE WHEN DATALENGTH([architecture]) > DATALENGTH(CAST(LEFT([architecture], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__architecture],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_oci_images__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_oci_images__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_oci_images]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_oci_images__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_oci_images].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

INSERT INTO [dbo].[heroku_oci_images] ([id], [base_image_name], [base_top_layer], [commit], [commit_description], [image_repo], [digest], [stack_id], [stack_name], [process_types], [buildpacks], [created_at], [updated_at], [architecture], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [id], [base_image_name], [base_top_layer], [commit], [commit_description], [image_repo], [digest], [stack_id], [stack_name], [process_types], [buildpacks], [created_at], [updated_at], [architecture], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([base_image_name], 2000) AS varchar(8000)) AS [base_image_name],
        CAST(LEFT([base_top_layer], 2000) AS varchar(8000)) AS [base_top_layer],
        CAST(LEFT([commit], 2000) AS varchar(8000)) AS [commit],
        CAST(LEFT([commit_description], 2000) AS varchar(8000)) AS [commit_description],
        CAST(LEFT([image_repo], 2000) AS varchar(8000)) AS [image_repo],
        CAST(LEFT([digest], 2000) AS varchar(8000)) AS [digest],
        CAST(LEFT([stack_id], 36) AS varchar(144)) AS [stack_id],
        CAST(LEFT([stack_name], 2000) AS varchar(8000)) AS [stack_name],
        CAST(LEFT([process_types], 4000) AS varchar(8000)) AS [process_types],
        CAST(LEFT([buildpacks], 4000) AS varchar(8000)) AS [buildpacks],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([architecture], 2000) AS varchar(8000)) AS [architecture],
        DATEADD(MICROSECOND, CAST([deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [deleted_at],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_oci_images__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_oci_images:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_oci_images__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_oci_images__0123456789ab];
