IF OBJECT_ID(N'[stg].[heroku_audit_trail_archives__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_audit_trail_archives__0123456789ab] (
    [created_at] bigint NULL,
    [month] nvarchar(max) NULL,
    [year] bigint NULL,
    [url] nvarchar(max) NULL,
    [checksum] nvarchar(max) NULL,
    [size] bigint NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_audit_trail_archives__0123456789ab];

COPY INTO [stg].[heroku_audit_trail_archives__0123456789ab] ([created_at], [month], [year], [url], [checksum], [size], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_audit_trail_archives/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [month] IS NULL OR [year] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([month]) > 4 OR DATALENGTH([url]) > 4000 OR DATALENGTH([checksum]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([month]) > 4 THEN 1 ELSE 0 END), 0) AS [truncated__month],
    COALESCE(SUM(CASE WHEN DATALENGTH([url]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__url],
    COALESCE(SUM(CASE WHEN DATALENGTH([checksum]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__checksum],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_audit_trail_archives__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent], [year] AS [year], CAST([month] AS nvarchar(2)) AS [month] FROM [stg].[heroku_audit_trail_archives__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_audit_trail_archives]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_audit_trail_archives__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_audit_trail_archives].[_parent] AND [s].[year] = [heroku_audit_trail_archives].[year] AND CAST([s].[month] AS nvarchar(2)) = [heroku_audit_trail_archives].[month]
)
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

INSERT INTO [dbo].[heroku_audit_trail_archives] ([created_at], [month], [year], [url], [checksum], [size], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [month], [year], [url], [checksum], [size], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST([month] AS nvarchar(2)) AS [month],
        [year] AS [year],
        CAST([url] AS nvarchar(2000)) AS [url],
        CAST([checksum] AS nvarchar(2000)) AS [checksum],
        [size] AS [size],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)), [year], CAST([month] AS nvarchar(2)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_audit_trail_archives__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_audit_trail_archives__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_audit_trail_archives__0123456789ab];
