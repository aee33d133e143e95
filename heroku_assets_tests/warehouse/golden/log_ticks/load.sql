IF OBJECT_ID(N'[stg].[log_ticks__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[log_ticks__0123456789ab] (
    [name] nvarchar(max) NULL,
    [tick_id] nvarchar(max) NULL,
    [ticked_at] bigint NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 32 OR DATALENGTH([tick_id]) > 128 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > 128 THEN 1 ELSE 0 END), 0) AS [truncated__tick_id]
FROM [stg].[log_ticks__0123456789ab]
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST([name] AS nvarchar(16)) AS [name] FROM [stg].[log_ticks__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[log_ticks]
WHERE EXISTS (
    SELECT 1 FROM [stg].[log_ticks__0123456789ab] AS [s]
    WHERE CAST([s].[name] AS nvarchar(16)) = [log_ticks].[name]
)
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

INSERT INTO [dbo].[log_ticks] ([name], [tick_id], [ticked_at])
SELECT [name], [tick_id], [ticked_at]
FROM (
    SELECT
        CAST([name] AS nvarchar(16)) AS [name],
        CAST([tick_id] AS nvarchar(64)) AS [tick_id],
        DATEADD(MICROSECOND, CAST([ticked_at] % 1000000 AS int), DATEADD(SECOND, CAST(([ticked_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([ticked_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [ticked_at],
        ROW_NUMBER() OVER (PARTITION BY CAST([name] AS nvarchar(16)) ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[log_ticks__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:log_ticks:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[log_ticks__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[log_ticks__0123456789ab];
