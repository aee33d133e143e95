IF OBJECT_ID(N'[stg].[heroku_peerings__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_peerings__0123456789ab] (
    [type] varchar(8000) NULL,
    [pcx_id] varchar(max) NULL,
    [cidr_blocks] varchar(max) NULL,
    [status] varchar(8000) NULL,
    [aws_vpc_id] varchar(max) NULL,
    [aws_region] varchar(max) NULL,
    [aws_account_id] varchar(max) NULL,
    [expires] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_peerings__0123456789ab];

COPY INTO [stg].[heroku_peerings__0123456789ab] ([type], [pcx_id], [cidr_blocks], [status], [aws_vpc_id], [aws_region], [aws_account_id], [expires], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_peerings/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [pcx_id] IS NULL OR [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 16) AS varchar(64))) OR DATALENGTH([pcx_id]) > DATALENGTH(CAST(LEFT([pcx_id], 2000) AS varchar(8000))) OR DATALENGTH([cidr_blocks]) > DATALENGTH(CAST(LEFT([cidr_blocks], 4000) AS varchar(8000))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 18) AS varchar(72))) OR DATALENGTH([aws_vpc_id]) > DATALENGTH(CAST(LEFT([aws_vpc_id], 2000) AS varchar(8000))) OR DATALENGTH([aws_region]) > DATALENGTH(CAST(LEFT([aws_region], 2000) AS varchar(8000))) OR DATALENGTH([aws_account_id]) > DATALENGTH(CAST(LEFT([aws_account_id], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([type]) > DATALENGTH(CAST(LEFT([type], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__type],
    COALESCE(SUM(CASE WHEN DATALENGTH([pcx_id]) > DATALENGTH(CAST(LEFT([pcx_id], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__pcx_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([cidr_blocks]) > DATALENGTH(CAST(LEFT([cidr_blocks], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__cidr_blocks],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 18) AS varchar(72))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_vpc_id]) > DATALENGTH(CAST(LEFT([aws_vpc_id], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__aws_vpc_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_region]) > DATALENGTH(CAST(LEFT([aws_region], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__aws_region],
    COALESCE(SUM(CASE WHEN DATALENGTH([aws_account_id]) > DATALENGTH(CAST(LEFT([aws_account_id], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__aws_account_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_peerings__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_peerings:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent], CAST(LEFT([pcx_id], 2000) AS varchar(8000)) AS [pcx_id] FROM [stg].[heroku_peerings__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_peerings:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_peerings]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_peerings__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[_parent], 100) AS varchar(400)) = [heroku_peerings].[_parent] AND CAST(LEFT([s].[pcx_id], 2000) AS varchar(8000)) = [heroku_peerings].[pcx_id]
)
OPTION (LABEL = 'heroku-assets:heroku_peerings:upsert');

INSERT INTO [dbo].[heroku_peerings] ([type], [pcx_id], [cidr_blocks], [status], [aws_vpc_id], [aws_region], [aws_account_id], [expires], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [type], [pcx_id], [cidr_blocks], [status], [aws_vpc_id], [aws_region], [aws_account_id], [expires], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([type], 16) AS varchar(64)) AS [type],
        CAST(LEFT([pcx_id], 2000) AS varchar(8000)) AS [pcx_id],
        CAST(LEFT([cidr_blocks], 4000) AS varchar(8000)) AS [cidr_blocks],
        CAST(LEFT([status], 18) AS varchar(72)) AS [status],
        CAST(LEFT([aws_vpc_id], 2000) AS varchar(8000)) AS [aws_vpc_id],
        CAST(LEFT([aws_region], 2000) AS varchar(8000)) AS [aws_region],
        CAST(LEFT([aws_account_id], 2000) AS varchar(8000)) AS [aws_account_id],
        DATEADD(MICROSECOND, CAST([expires] % 1000000 AS int), DATEADD(SECOND, CAST(([expires] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([expires] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [expires],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([_parent], 100) AS varchar(400)), CAST(LEFT([pcx_id], 2000) AS varchar(8000)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_peerings__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_peerings:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_peerings__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_peerings__0123456789ab];
