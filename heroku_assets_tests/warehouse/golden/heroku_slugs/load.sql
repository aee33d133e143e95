IF OBJECT_ID(N'[stg].[heroku_slugs__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_slugs__0123456789ab] (
    [blob_method] nvarchar(max) NULL,
    [blob_url] nvarchar(max) NULL,
    [buildpack_provided_description] nvarchar(max) NULL,
    [checksum] nvarchar(max) NULL,
    [commit] nvarchar(max) NULL,
    [commit_description] nvarchar(max) NULL,
    [created_at] bigint NULL,
    [id] nvarchar(max) NULL,
    [process_types] nvarchar(max) NULL,
    [size] bigint NULL,
    [stack_id] nvarchar(max) NULL,
    [stack_name] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [deleted_at] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_slugs__0123456789ab];

COPY INTO [stg].[heroku_slugs__0123456789ab] ([blob_method], [blob_url], [buildpack_provided_description], [checksum], [commit], [commit_description], [created_at], [id], [process_types], [size], [stack_id], [stack_name], [updated_at], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
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
FROM [stg].[heroku_slugs__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_slugs:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_slugs__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_slugs:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_slugs]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_slugs__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_slugs].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_slugs:upsert');

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
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([process_types] AS nvarchar(4000)) AS [process_types],
        [size] AS [size],
        CAST([stack_id] AS nvarchar(36)) AS [stack_id],
        CAST([stack_name] AS nvarchar(2000)) AS [stack_name],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        DATEADD(MICROSECOND, CAST([deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [deleted_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_slugs__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_slugs:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_slugs__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_slugs__0123456789ab];
