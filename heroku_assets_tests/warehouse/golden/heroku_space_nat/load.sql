IF OBJECT_ID(N'[stg].[heroku_space_nat__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_space_nat__0123456789ab] (
    [created_at] bigint NULL,
    [sources] nvarchar(max) NULL,
    [state] nvarchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_space_nat__0123456789ab];

COPY INTO [stg].[heroku_space_nat__0123456789ab] ([created_at], [sources], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_space_nat/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([sources]) > 8000 OR DATALENGTH([state]) > 16 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([sources]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__sources],
    COALESCE(SUM(CASE WHEN DATALENGTH([state]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__state],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_space_nat__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_space_nat:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent] FROM [stg].[heroku_space_nat__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_space_nat:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_space_nat]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_space_nat__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_space_nat].[_parent]
)
OPTION (LABEL = 'heroku-assets:heroku_space_nat:upsert');

INSERT INTO [dbo].[heroku_space_nat] ([created_at], [sources], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [sources], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([sources] AS nvarchar(4000)) AS [sources],
        CAST([state] AS nvarchar(8)) AS [state],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_space_nat__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_space_nat:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_space_nat__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_space_nat__0123456789ab];
