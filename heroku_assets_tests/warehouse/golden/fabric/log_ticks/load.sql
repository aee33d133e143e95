IF OBJECT_ID(N'[stg].[log_ticks__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[log_ticks__0123456789ab] (
    [name] varchar(8000) NULL,
    [tick_id] varchar(8000) NULL,
    [ticked_at] bigint NULL
);

TRUNCATE TABLE [stg].[log_ticks__0123456789ab];

COPY INTO [stg].[log_ticks__0123456789ab] ([name], [tick_id], [ticked_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/log_ticks/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [name] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 16) AS varchar(64))) OR DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated__tick_id]
FROM [stg].[log_ticks__0123456789ab]
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([name], 16) AS varchar(64)) AS [name] FROM [stg].[log_ticks__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[log_ticks]
WHERE EXISTS (
    SELECT 1 FROM [stg].[log_ticks__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[name], 16) AS varchar(64)) = [log_ticks].[name]
)
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

INSERT INTO [dbo].[log_ticks] ([name], [tick_id], [ticked_at])
SELECT [name], [tick_id], [ticked_at]
FROM (
    SELECT
        CAST(LEFT([name], 16) AS varchar(64)) AS [name],
        CAST(LEFT([tick_id], 64) AS varchar(256)) AS [tick_id],
        DATEADD(MICROSECOND, CAST([ticked_at] % 1000000 AS int), DATEADD(SECOND, CAST(([ticked_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([ticked_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [ticked_at],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([name], 16) AS varchar(64)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[log_ticks__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[log_ticks__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[log_ticks__0123456789ab];
