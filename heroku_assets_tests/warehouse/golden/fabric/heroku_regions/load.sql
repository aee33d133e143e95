IF OBJECT_ID(N'[stg].[heroku_regions__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_regions__0123456789ab] (
    [country] varchar(max) NULL,
    [created_at] bigint NULL,
    [description] varchar(max) NULL,
    [id] varchar(8000) NULL,
    [locale] varchar(max) NULL,
    [name] varchar(max) NULL,
    [private_capable] bit NULL,
    [provider_name] varchar(max) NULL,
    [provider_region] varchar(8000) NULL,
    [updated_at] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_regions__0123456789ab];

COPY INTO [stg].[heroku_regions__0123456789ab] ([country], [created_at], [description], [id], [locale], [name], [private_capable], [provider_name], [provider_region], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_regions/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([country]) > DATALENGTH(CAST(LEFT([country], 2000) AS varchar(8000))) OR DATALENGTH([description]) > DATALENGTH(CAST(LEFT([description], 2000) AS varchar(8000))) OR DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([locale]) > DATALENGTH(CAST(LEFT([locale], 2000) AS varchar(8000))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) OR DATALENGTH([provider_name]) > DATALENGTH(CAST(LEFT([provider_name], 2000) AS varchar(8000))) OR DATALENGTH([provider_region]) > DATALENGTH(CAST(LEFT([provider_region], 14) AS varchar(56))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([country]) > DATALENGTH(CAST(LEFT([country], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__country],
    COALESCE(SUM(CASE WHEN DATALENGTH([description]) > DATALENGTH(CAST(LEFT([description], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__description],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([locale]) > DATALENGTH(CAST(LEFT([locale], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__locale],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([provider_name]) > DATALENGTH(CAST(LEFT([provider_name], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__provider_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([provider_region]) > DATALENGTH(CAST(LEFT([provider_region], 14) AS varchar(56))) THEN 1 ELSE 0 END), 0) AS [truncated__provider_region],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_regions__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_regions:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_regions__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_regions:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_regions]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_regions__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_regions].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_regions:upsert');

INSERT INTO [dbo].[heroku_regions] ([country], [created_at], [description], [id], [locale], [name], [private_capable], [provider_name], [provider_region], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [country], [created_at], [description], [id], [locale], [name], [private_capable], [provider_name], [provider_region], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        CAST(LEFT([country], 2000) AS varchar(8000)) AS [country],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        CAST(LEFT([description], 2000) AS varchar(8000)) AS [description],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([locale], 2000) AS varchar(8000)) AS [locale],
        CAST(LEFT([name], 2000) AS varchar(8000)) AS [name],
        [private_capable] AS [private_capable],
        CAST(LEFT([provider_name], 2000) AS varchar(8000)) AS [provider_name],
        CAST(LEFT([provider_region], 14) AS varchar(56)) AS [provider_region],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_regions__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_regions:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_regions__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_regions__0123456789ab];
