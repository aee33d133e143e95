IF OBJECT_ID(N'[stg].[heroku_dyno_sizes__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_dyno_sizes__0123456789ab] (
    [architecture] nvarchar(max) NULL,
    [compute] bigint NULL,
    [cost] nvarchar(max) NULL,
    [dedicated] bit NULL,
    [precise_dyno_units] float NULL,
    [generation_id] nvarchar(max) NULL,
    [generation_name] nvarchar(max) NULL,
    [id] nvarchar(max) NULL,
    [memory] float NULL,
    [name] nvarchar(max) NULL,
    [private_space_only] bit NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_dyno_sizes__0123456789ab];

COPY INTO [stg].[heroku_dyno_sizes__0123456789ab] ([architecture], [compute], [cost], [dedicated], [precise_dyno_units], [generation_id], [generation_name], [id], [memory], [name], [private_space_only], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_dyno_sizes/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([architecture]) > 4000 OR DATALENGTH([cost]) > 8000 OR DATALENGTH([generation_id]) > 72 OR DATALENGTH([generation_name]) > 4000 OR DATALENGTH([id]) > 72 OR DATALENGTH([name]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([architecture]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__architecture],
    COALESCE(SUM(CASE WHEN DATALENGTH([cost]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__cost],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation_id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__generation_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([generation_name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__generation_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_dyno_sizes__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_dyno_sizes:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id] FROM [stg].[heroku_dyno_sizes__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_dyno_sizes:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_dyno_sizes]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_dyno_sizes__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_dyno_sizes].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_dyno_sizes:upsert');

INSERT INTO [dbo].[heroku_dyno_sizes] ([architecture], [compute], [cost], [dedicated], [precise_dyno_units], [generation_id], [generation_name], [id], [memory], [name], [private_space_only], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [architecture], [compute], [cost], [dedicated], [precise_dyno_units], [generation_id], [generation_name], [id], [memory], [name], [private_space_only], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([architecture] AS nvarchar(2000)) AS [architecture],
        [compute] AS [compute],
        CAST([cost] AS nvarchar(4000)) AS [cost],
        [dedicated] AS [dedicated],
        [precise_dyno_units] AS [precise_dyno_units],
        CAST([generation_id] AS nvarchar(36)) AS [generation_id],
        CAST([generation_name] AS nvarchar(2000)) AS [generation_name],
        CAST([id] AS nvarchar(36)) AS [id],
        [memory] AS [memory],
        CAST([name] AS nvarchar(2000)) AS [name],
        [private_space_only] AS [private_space_only],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_dyno_sizes__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_dyno_sizes:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_dyno_sizes__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_dyno_sizes__0123456789ab];
