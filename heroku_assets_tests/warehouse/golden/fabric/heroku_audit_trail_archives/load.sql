IF OBJECT_ID(N'[stg].[heroku_audit_trail_archives__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_audit_trail_archives__0123456789ab] (
    [created_at] bigint NULL,
    [month] varchar(8000) NULL,
    [year] bigint NULL,
    [url] varchar(max) NULL,
    [checksum] varchar(max) NULL,
    [size] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([month]) > DATALENGTH(CAST(LEFT([month], 2) AS varchar(8))) OR DATALENGTH([url]) > DATALENGTH(CAST(LEFT([url], 2000) AS varchar(8000))) OR DATALENGTH([checksum]) > DATALENGTH(CAST(LEFT([checksum], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([month]) > DATALENGTH(CAST(LEFT([month], 2) AS varchar(8))) THEN 1 ELSE 0 END), 0) AS [truncated__month],
    COALESCE(SUM(CASE WHEN DATALENGTH([url]) > DATALENGTH(CAST(LEFT([url], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__url],
    COALESCE(SUM(CASE WHEN DATALENGTH([checksum]) > DATALENGTH(CAST(LEFT([checksum], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__checksum],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_audit_trail_archives__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent], [year] AS [year], CAST(LEFT([month], 2) AS varchar(8)) AS [month] FROM [stg].[heroku_audit_trail_archives__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_audit_trail_archives]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_audit_trail_archives__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[_parent], 100) AS varchar(400)) = [heroku_audit_trail_archives].[_parent] AND [s].[year] = [heroku_audit_trail_archives].[year] AND CAST(LEFT([s].[month], 2) AS varchar(8)) = [heroku_audit_trail_archives].[month]
)
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

INSERT INTO [dbo].[heroku_audit_trail_archives] ([created_at], [month], [year], [url], [checksum], [size], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [created_at], [month], [year], [url], [checksum], [size], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([month], 2) AS varchar(8)) AS [month],
        [year] AS [year],
        CAST(LEFT([url], 2000) AS varchar(8000)) AS [url],
        CAST(LEFT([checksum], 2000) AS varchar(8000)) AS [checksum],
        [size] AS [size],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([_parent], 100) AS varchar(400)), [year], CAST(LEFT([month], 2) AS varchar(8)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_audit_trail_archives__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_audit_trail_archives:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_audit_trail_archives__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_audit_trail_archives__0123456789ab];
