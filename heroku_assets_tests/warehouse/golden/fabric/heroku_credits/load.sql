IF OBJECT_ID(N'[stg].[heroku_credits__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[heroku_credits__0123456789ab] (
    [amount] float NULL,
    [balance] float NULL,
    [created_at] bigint NULL,
    [expires_at] bigint NULL,
    [id] varchar(8000) NULL,
    [title] varchar(max) NULL,
    [updated_at] bigint NULL,
    [_parent] varchar(8000) NULL,
    [_fetched_at] bigint NULL,
    [_deleted_at] bigint NULL,
    [_extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[heroku_credits__0123456789ab];

COPY INTO [stg].[heroku_credits__0123456789ab] ([amount], [balance], [created_at], [expires_at], [id], [title], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_credits/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) OR DATALENGTH([title]) > DATALENGTH(CAST(LEFT([title], 2000) AS varchar(8000))) OR DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) OR DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([id]) > DATALENGTH(CAST(LEFT([id], 36) AS varchar(144))) THEN 1 ELSE 0 END), 0) AS [truncated__id],
    COALESCE(SUM(CASE WHEN DATALENGTH([title]) > DATALENGTH(CAST(LEFT([title], 2000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__title],
    COALESCE(SUM(CASE WHEN DATALENGTH([_parent]) > DATALENGTH(CAST(LEFT([_parent], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated___parent],
    COALESCE(SUM(CASE WHEN DATALENGTH([_extra]) > DATALENGTH(CAST(LEFT([_extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated___extra]
FROM [stg].[heroku_credits__0123456789ab]
OPTION (LABEL = 'heroku-assets:heroku_credits:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([id], 36) AS varchar(144)) AS [id] FROM [stg].[heroku_credits__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:heroku_credits:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[heroku_credits]
WHERE EXISTS (
    SELECT 1 FROM [stg].[heroku_credits__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[id], 36) AS varchar(144)) = [heroku_credits].[id]
)
OPTION (LABEL = 'heroku-assets:heroku_credits:upsert');

INSERT INTO [dbo].[heroku_credits] ([amount], [balance], [created_at], [expires_at], [id], [title], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
SELECT [amount], [balance], [created_at], [expires_at], [id], [title], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra]
FROM (
    SELECT
        [amount] AS [amount],
        [balance] AS [balance],
        DATEADD(MICROSECOND, CAST([created_at] % 1000000 AS int), DATEADD(SECOND, CAST(([created_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([created_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [created_at],
        DATEADD(MICROSECOND, CAST([expires_at] % 1000000 AS int), DATEADD(SECOND, CAST(([expires_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([expires_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [expires_at],
        CAST(LEFT([id], 36) AS varchar(144)) AS [id],
        CAST(LEFT([title], 2000) AS varchar(8000)) AS [title],
        DATEADD(MICROSECOND, CAST([updated_at] % 1000000 AS int), DATEADD(SECOND, CAST(([updated_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([updated_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [updated_at],
        CAST(LEFT([_parent], 100) AS varchar(400)) AS [_parent],
        DATEADD(MICROSECOND, CAST([_fetched_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_fetched_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_fetched_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_fetched_at],
        DATEADD(MICROSECOND, CAST([_deleted_at] % 1000000 AS int), DATEADD(SECOND, CAST(([_deleted_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([_deleted_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [_deleted_at],
        CAST(LEFT([_extra], 4000) AS varchar(8000)) AS [_extra],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([id], 36) AS varchar(144)) ORDER BY [updated_at] DESC) AS [__row_number]
    FROM [stg].[heroku_credits__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:heroku_credits:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[heroku_credits__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[heroku_credits__0123456789ab];
