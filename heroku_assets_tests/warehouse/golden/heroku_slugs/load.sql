IF OBJECT_ID(N'[stg].[heroku_slugs__085003509bae20a6]', N'U') IS NULL
CREATE TABLE [stg].[heroku_slugs__085003509bae20a6] (
    [blob_method] nvarchar(max) NULL,
    [blob_url] nvarchar(max) NULL,
    [buildpack_provided_description] nvarchar(max) NULL,
    [checksum] nvarchar(max) NULL,
    [commit] nvarchar(max) NULL,
    [commit_description] nvarchar(max) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(max) NULL,
    [process_types] nvarchar(max) NULL,
    [size] bigint NULL,
    [stack_id] nvarchar(max) NULL,
    [stack_name] nvarchar(max) NULL,
    [updated_at] datetime2(6) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_slugs__085003509bae20a6];

COPY INTO [stg].[heroku_slugs__085003509bae20a6] ([blob_method], [blob_url], [buildpack_provided_description], [checksum], [commit], [commit_description], [created_at], [id], [process_types], [size], [stack_id], [stack_name], [updated_at], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_slugs/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([blob_method]) > 4000 OR DATALENGTH([blob_url]) > 4000 OR DATALENGTH([buildpack_provided_description]) > 4000 OR DATALENGTH([checksum]) > 4000 OR DATALENGTH([commit]) > 4000 OR DATALENGTH([commit_description]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([process_types]) > 8000 OR DATALENGTH([stack_id]) > 72 OR DATALENGTH([stack_name]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([blob_method]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__blob_method],
    COALESCE(SUM(CASE WHEN DATALENGTH([blob_url]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__blob_url],
    COALESCE(SUM(CASE WHEN DATALENGTH([buildpack_provided_description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__buildpack_provided_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([checksum]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__checksum],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__commit],
    COALESCE(SUM(CASE WHEN DATALENGTH([commit_description]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__commit_description],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_types]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__process_types],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__stack_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([stack_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__stack_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_slugs__085003509bae20a6];

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_slugs__085003509bae20a6]) AS [k];

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_slugs]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_slugs__085003509bae20a6] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_slugs].[id]
);

INSERT INTO [dbo].[heroku_slugs] ([blob_method], [blob_url], [buildpack_provided_description], [checksum], [commit], [commit_description], [created_at], [id], [process_types], [size], [stack_id], [stack_name], [updated_at], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [blob_method], [blob_url], [buildpack_provided_description], [checksum], [commit], [commit_description], [created_at], [id], [process_types], [size], [stack_id], [stack_name], [updated_at], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([blob_method] AS nvarchar(2000)) AS [blob_method],
        CAST([blob_url] AS nvarchar(2000)) AS [blob_url],
        CAST([buildpack_provided_description] AS nvarchar(2000)) AS [buildpack_provided_description],
        CAST([checksum] AS nvarchar(2000)) AS [checksum],
        CAST([commit] AS nvarchar(2000)) AS [commit],
        CAST([commit_description] AS nvarchar(2000)) AS [commit_description],
        [created_at] AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([process_types] AS nvarchar(4000)) AS [process_types],
        [size] AS [size],
        CAST([stack_id] AS nvarchar(36)) AS [stack_id],
        CAST([stack_name] AS nvarchar(2000)) AS [stack_name],
        [updated_at] AS [updated_at],
        [deleted_at] AS [deleted_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        [_fetched_at] AS [_fetched_at],
        [_deleted_at] AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_slugs__085003509bae20a6]
) AS [d]
WHERE [__row_number] = 1;

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_slugs__085003509bae20a6]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_slugs__085003509bae20a6];
