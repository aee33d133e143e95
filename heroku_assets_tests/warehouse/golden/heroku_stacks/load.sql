IF OBJECT_ID(N'[stg].[heroku_stacks__e13024e1f6179a87]', N'U') IS NULL
CREATE TABLE [stg].[heroku_stacks__e13024e1f6179a87] (
    [default] bit NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [state] nvarchar(max) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_stacks__e13024e1f6179a87];

COPY INTO [stg].[heroku_stacks__e13024e1f6179a87] ([default], [created_at], [id], [name], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_stacks/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([state]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_stacks__e13024e1f6179a87];

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_stacks__e13024e1f6179a87]) AS [k];

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_stacks]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_stacks__e13024e1f6179a87] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_stacks].[id]
);

INSERT INTO [dbo].[heroku_stacks] ([default], [created_at], [id], [name], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [default], [created_at], [id], [name], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [default] AS [default],
        [created_at] AS [created_at],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([name] AS nvarchar(2000)) AS [name],
        CAST([state] AS nvarchar(2000)) AS [state],
        [updated_at] AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        [_fetched_at] AS [_fetched_at],
        [_deleted_at] AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_stacks__e13024e1f6179a87]
) AS [d]
WHERE [__row_number] = 1;

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_stacks__e13024e1f6179a87]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_stacks__e13024e1f6179a87];
