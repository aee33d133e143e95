IF OBJECT_ID(N'[stg].[log_ledger__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[log_ledger__0123456789ab] (
    [tick_id] varchar(8000) NULL,
    [object_key] varchar(8000) NULL,
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [lines] bigint NULL,
    [duplicate_lines] bigint NULL,
    [kind] varchar(8000) NULL,
    [loaded_at] bigint NULL
);

TRUNCATE TABLE [stg].[log_ledger__0123456789ab];

COPY INTO [stg].[log_ledger__0123456789ab] ([tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/log_ledger/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [tick_id] IS NULL OR [object_key] IS NULL OR [app] IS NULL OR [event_date] IS NULL OR [lines] IS NULL OR [duplicate_lines] IS NULL OR [kind] IS NULL OR [loaded_at] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) OR DATALENGTH([object_key]) > DATALENGTH(CAST(LEFT([object_key], 400) AS varchar(1600))) OR DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated__tick_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([object_key]) > DATALENGTH(CAST(LEFT([object_key], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__object_key],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__kind]
FROM [stg].[log_ledger__0123456789ab]
OPTION (LABEL = 'heroku-assets:log_ledger:upsert');

SELECT COUNT_BIG(*) AS [distinct_keys]
FROM (SELECT DISTINCT CAST(LEFT([object_key], 400) AS varchar(1600)) AS [object_key], CAST(LEFT([app], 100) AS varchar(400)) AS [app], [event_date] AS [event_date] FROM [stg].[log_ledger__0123456789ab]) AS [k]
OPTION (LABEL = 'heroku-assets:log_ledger:upsert');

BEGIN TRANSACTION;

DELETE FROM [dbo].[log_ledger]
WHERE EXISTS (
    SELECT 1 FROM [stg].[log_ledger__0123456789ab] AS [s]
    WHERE CAST(LEFT([s].[object_key], 400) AS varchar(1600)) = [log_ledger].[object_key] AND CAST(LEFT([s].[app], 100) AS varchar(400)) = [log_ledger].[app] AND [s].[event_date] = [log_ledger].[event_date]
)
OPTION (LABEL = 'heroku-assets:log_ledger:upsert');

INSERT INTO [dbo].[log_ledger] ([tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at])
SELECT [tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at]
FROM (
    SELECT
        CAST(LEFT([tick_id], 64) AS varchar(256)) AS [tick_id],
        CAST(LEFT([object_key], 400) AS varchar(1600)) AS [object_key],
        CAST(LEFT([app], 100) AS varchar(400)) AS [app],
        [event_date] AS [event_date],
        [lines] AS [lines],
        [duplicate_lines] AS [duplicate_lines],
        CAST(LEFT([kind], 16) AS varchar(64)) AS [kind],
        DATEADD(MICROSECOND, CAST([loaded_at] % 1000000 AS int), DATEADD(SECOND, CAST(([loaded_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([loaded_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))) AS [loaded_at],
        ROW_NUMBER() OVER (PARTITION BY CAST(LEFT([object_key], 400) AS varchar(1600)), CAST(LEFT([app], 100) AS varchar(400)), [event_date] ORDER BY (SELECT NULL)) AS [__row_number]
    FROM [stg].[log_ledger__0123456789ab]
) AS [d]
WHERE [__row_number] = 1
OPTION (LABEL = 'heroku-assets:log_ledger:upsert');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[log_ledger__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[log_ledger__0123456789ab];
