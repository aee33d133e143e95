IF OBJECT_ID(N'[stg].[heroku_generations__756cd58636c0d227]', N'U') IS NULL
CREATE TABLE [stg].[heroku_generations__756cd58636c0d227] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_generations__756cd58636c0d227];

COPY INTO [stg].[heroku_generations__756cd58636c0d227] ([created_at], [id], [name], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_generations/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_generations__756cd58636c0d227];

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_generations__756cd58636c0d227]) AS [k];

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_generations]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_generations__756cd58636c0d227] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_generations].[id]
);

INSERT INTO [dbo].[heroku_generations] ([created_at], [id], [name], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [id], [name], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [created_at] AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(2000)) AS [name],
        [updated_at] AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        [_fetched_at] AS [_fetched_at],
        [_deleted_at] AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_generations__756cd58636c0d227]
) AS [d]
WHERE [__row_number] = 1;

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_generations__756cd58636c0d227]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_generations__756cd58636c0d227];
