IF OBJECT_ID(N'[stg].[heroku_enterprise_account_monthly_usage__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_enterprise_account_monthly_usage__0123456789ab] (
    [addons] float NULL,
    [connect] float NULL,
    [data] float NULL,
    [dynos] float NULL,
    [id] nvarchar(max) NULL,
    [month] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] nvarchar(max) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[heroku_enterprise_account_monthly_usage__0123456789ab];

COPY INTO [stg].[heroku_enterprise_account_monthly_usage__0123456789ab] ([addons], [connect], [data], [dynos], [id], [month], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_enterprise_account_monthly_usage/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL OR [month] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 OR DATALENGTH([month]) > 14 OR DATALENGTH([name]) > 4000 OR DATALENGTH([_parent]) > 200 OR DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > 72 THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([month]) > 14 THEN 1 ELSE 0 END), 0) AS [truncated__month],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 4000 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_enterprise_account_monthly_usage__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_monthly_usage:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([id] AS nvarchar(36)) AS [id], CAST([month] AS nvarchar(7)) AS [month] FROM [stg].[heroku_enterprise_account_monthly_usage__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_monthly_usage:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_enterprise_account_monthly_usage]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_enterprise_account_monthly_usage__0123456789ab] AS [s]
    WHERE CAST([s].[id] AS nvarchar(36)) = [heroku_enterprise_account_monthly_usage].[id] AND CAST([s].[month] AS nvarchar(7)) = [heroku_enterprise_account_monthly_usage].[month]
)
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_monthly_usage:upsert');

INSERT INTO [dbo].[heroku_enterprise_account_monthly_usage] ([addons], [connect], [data], [dynos], [id], [month], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [addons], [connect], [data], [dynos], [id], [month], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [addons] AS [addons],
        [connect] AS [connect],
        [data] AS [data],
        [dynos] AS [dynos],
        CAST([id] AS nvarchar(36)) AS [id],
        CAST([month] AS nvarchar(7)) AS [month],
        CAST([name] AS nvarchar(2000)) AS [name],
        [partner] AS [partner],
        [space] AS [space],
        CAST([_parent] AS nvarchar(100)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST([_extra] AS nvarchar(4000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST([id] AS nvarchar(36)), CAST([month] AS nvarchar(7)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_enterprise_account_monthly_usage__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_enterprise_account_monthly_usage:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_enterprise_account_monthly_usage__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_enterprise_account_monthly_usage__0123456789ab];
