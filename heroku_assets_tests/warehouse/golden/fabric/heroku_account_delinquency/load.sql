IF OBJECT_ID(N'[stg].[heroku_account_delinquency__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_account_delinquency__0123456789ab] (
    [scheduled_suspension_time] bigint NULL,
    [scheduled_deletion_time] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_account_delinquency__0123456789ab];

COPY INTO [stg].[heroku_account_delinquency__0123456789ab] ([scheduled_suspension_time], [scheduled_deletion_time], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_account_delinquency/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [_parent] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_account_delinquency__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_account_delinquency:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent] FROM [stg].[heroku_account_delinquency__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_account_delinquency:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_account_delinquency]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_account_delinquency__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[_parent], 100) AS varchar(400)) = [heroku_account_delinquency].[_parent]
)
OPTION (LABEL = 'heroku-assets:heroku_account_delinquency:upsert');

INSERT INTO [dbo].[heroku_account_delinquency] ([scheduled_suspension_time], [scheduled_deletion_time], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [scheduled_suspension_time], [scheduled_deletion_time], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        DATEADD(MICROSECOND, CAST([scheduled_suspension_time] % 1000000 AS int), DATEADD(SECOND, CAST(([scheduled_suspension_time] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([scheduled_suspension_time] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [scheduled_suspension_time],
        DATEADD(MICROSECOND, CAST([scheduled_deletion_time] % 1000000 AS int), DATEADD(SECOND, CAST(([scheduled_deletion_time] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([scheduled_deletion_time] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [scheduled_deletion_time],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([_parent], 100) AS varchar(400)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[heroku_account_delinquency__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_account_delinquency:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_account_delinquency__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_account_delinquency__0123456789ab];
