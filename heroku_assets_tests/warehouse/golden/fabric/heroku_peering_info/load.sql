IF OBJECT_ID(N'[stg].[heroku_peering_info__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_peering_info__0123456789ab] (
    [aws_account_id] varchar(max) NULL,
    [aws_region] varchar(8000) NULL,
    [vpc_id] varchar(max) NULL,
    [vpc_cidr] varchar(max) NULL,
    [dyno_cidr_blocks] varchar(max) NULL,
    [unavailable_cidr_blocks] varchar(max) NULL,
    [space_cidr_blocks] varchar(max) NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_account_id]) > DATALENGTH(CAST(LEFT([aws_account_id], 2000) AS varchar(8000))) OR DATALENGTH([aws_region]) > DATALENGTH(CAST(LEFT([aws_region], 14) AS varchar(56))) OR DATALENGTH([vpc_id]) > DATALENGTH(CAST(LEFT([vpc_id], 2000) AS varchar(8000))) OR DATALENGTH([vpc_cidr]) > DATALENGTH(CAST(LEFT([vpc_cidr], 2000) AS varchar(8000))) OR DATALENGTH([dyno_cidr_blocks]) > DATALENGTH(CAST(LEFT([dyno_cidr_blocks], 4000) AS varchar(8000))) OR DATALENGTH([unavailable_cidr_blocks]) > DATALENGTH(CAST(LEFT([unavailable_cidr_blocks], 4000) AS varchar(8000))) OR DATALENGTH([space_cidr_blocks]) > DATALENGTH(CAST(LEFT([space_cidr_blocks], 4000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_account_id]) > DATALENGTH(CAST(LEFT([aws_account_id], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__aws_account_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_region]) > DATALENGTH(CAST(LEFT([aws_region], 14) AS varchar(56))) THEN 1 ELSE 0 END), 0) AS [truncated__aws_region],
    COALESCE(SUM(CASE WHEN DATALENGTH([vpc_id]) > DATALENGTH(CAST(LEFT([vpc_id], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__vpc_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([vpc_cidr]) > DATALENGTH(CAST(LEFT([vpc_cidr], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__vpc_cidr],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno_cidr_blocks]) > DATALENGTH(CAST(LEFT([dyno_cidr_blocks], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno_cidr_blocks],
    COALESCE(SUM(CASE WHEN DATALENGTH([unavailable_cidr_blocks]) > DATALENGTH(CAST(LEFT([unavailable_cidr_blocks], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__unavailable_cidr_blocks],
    COALESCE(SUM(CASE WHEN DATALENGTH([space_cidr_blocks]) > DATALENGTH(CAST(LEFT([space_cidr_blocks], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__space_cidr_blocks],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_peering_info__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent] FROM [stg].[heroku_peering_info__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_peering_info]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_peering_info__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[_parent], 100) AS varchar(400)) = [heroku_peering_info].[_parent]
)
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

INSERT INTO [dbo].[heroku_peering_info] ([aws_account_id], [aws_region], [vpc_id], [vpc_cidr], [dyno_cidr_blocks], [unavailable_cidr_blocks], [space_cidr_blocks], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [aws_account_id], [aws_region], [vpc_id], [vpc_cidr], [dyno_cidr_blocks], [unavailable_cidr_blocks], [space_cidr_blocks], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([aws_account_id], 2000) AS varchar(8000)) AS [aws_account_id],
        CAST(LEFT([aws_region], 14) AS varchar(56)) AS [aws_region],
        CAST(LEFT([vpc_id], 2000) AS varchar(8000)) AS [vpc_id],
        CAST(LEFT([vpc_cidr], 2000) AS varchar(8000)) AS [vpc_cidr],
        CAST(LEFT([dyno_cidr_blocks], 4000) AS varchar(8000)) AS [dyno_cidr_blocks],
        CAST(LEFT([unavailable_cidr_blocks], 4000) AS varchar(8000)) AS [unavailable_cidr_blocks],
        CAST(LEFT([space_cidr_blocks], 4000) AS varchar(8000)) AS [space_cidr_blocks],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([_parent], 100) AS varchar(400)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_peering_info__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_peering_info:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_peering_info__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_peering_info__0123456789ab];
