IF OBJECT_ID(N'[stg].[heroku_peering_info__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_peering_info__0123456789ab] (
    [aws_account_id] nvarchar(max) NULL,
    [aws_region] nvarchar(max) NULL,
    [vpc_id] nvarchar(max) NULL,
    [vpc_cidr] nvarchar(max) NULL,
    [dyno_cidr_blocks] nvarchar(max) NULL,
    [unavailable_cidr_blocks] nvarchar(max) NULL,
    [space_cidr_blocks] nvarchar(max) NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_peering_info__0123456789ab];

COPY INTO [stg].[heroku_peering_info__0123456789ab] ([aws_account_id], [aws_region], [vpc_id], [vpc_cidr], [dyno_cidr_blocks], [unavailable_cidr_blocks], [space_cidr_blocks], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_peering_info/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_account_id]) > 4000 OR DATALENGTH([aws_region]) > 28 OR DATALENGTH([vpc_id]) > 4000 OR DATALENGTH([vpc_cidr]) > 4000 OR DATALENGTH([dyno_cidr_blocks]) > 8000 OR DATALENGTH([unavailable_cidr_blocks]) > 8000 OR DATALENGTH([space_cidr_blocks]) > 8000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_account_id]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__aws_account_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_region]) > 28 THEN 1 ELSE 0 END), 0) AS [truncated__aws_region],
    COALESCE(SUM(CASE WHEN DATALENGTH([vpc_id]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__vpc_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([vpc_cidr]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__vpc_cidr],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno_cidr_blocks]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__dyno_cidr_blocks],
    COALESCE(SUM(CASE WHEN DATALENGTH([unavailable_cidr_blocks]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__unavailable_cidr_blocks],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_cidr_blocks]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__space_cidr_blocks],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_peering_info__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([_parent] AS nvarchar(100)) AS [_parent] FROM [stg].[heroku_peering_info__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_peering_info]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_peering_info__0123456789ab] AS [s]
    WHERE CAST([s].[_parent] AS nvarchar(100)) = [heroku_peering_info].[_parent]
)
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

INSERT INTO [dbo].[heroku_peering_info] ([aws_account_id], [aws_region], [vpc_id], [vpc_cidr], [dyno_cidr_blocks], [unavailable_cidr_blocks], [space_cidr_blocks], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [aws_account_id], [aws_region], [vpc_id], [vpc_cidr], [dyno_cidr_blocks], [unavailable_cidr_blocks], [space_cidr_blocks], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST([aws_account_id] AS nvarchar(2000)) AS [aws_account_id],
        CAST([aws_region] AS nvarchar(14)) AS [aws_region],
        CAST([vpc_id] AS nvarchar(2000)) AS [vpc_id],
        CAST([vpc_cidr] AS nvarchar(2000)) AS [vpc_cidr],
        CAST([dyno_cidr_blocks] AS nvarchar(4000)) AS [dyno_cidr_blocks],
        CAST([unavailable_cidr_blocks] AS nvarchar(4000)) AS [unavailable_cidr_blocks],
        CAST([space_cidr_blocks] AS nvarchar(4000)) AS [space_cidr_blocks],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([_parent] AS nvarchar(100)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_peering_info__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_peering_info__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_peering_info__0123456789ab];
