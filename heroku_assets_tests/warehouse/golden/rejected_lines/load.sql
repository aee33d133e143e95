IF OBJECT_ID(N'[stg].[rejected_lines__my_app__20261120]', N'U') IS NULL
CREATE TABLE [stg].[rejected_lines__my_app__20261120] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] datetime2(6) NULL,
    [reason] nvarchar(max) NULL,
    [raw_line] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[rejected_lines__my_app__20261120];

COPY INTO [stg].[rejected_lines__my_app__20261120] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/rejected_lines/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

-- params: ['my-app', '2026-11-20']
SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] = ? AND [event_date] = ? THEN 0 ELSE 1 END), 0) AS [outside_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL OR [reason] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([reason]) > 400 OR DATALENGTH([raw_line]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([reason]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated__reason],
    COALESCE(SUM(CASE WHEN DATALENGTH([raw_line]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__raw_line]
FROM [stg].[rejected_lines__my_app__20261120];

BEGIN TRANSACTION;

-- params: ['my-app', '2026-11-20']
DELETE FROM [dbo].[rejected_lines]
WHERE [app] = ? AND [event_date] = ?;

-- params: ['my-app', '2026-11-20']
INSERT INTO [dbo].[rejected_lines] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    [event_ts],
    CAST([reason] AS nvarchar(200)),
    CAST([raw_line] AS nvarchar(4000))
FROM [stg].[rejected_lines__my_app__20261120]
WHERE [app] = ? AND [event_date] = ?;

COMMIT TRANSACTION;

-- params: ['my-app', '2026-11-20']
SELECT COUNT_BIG(*) AS [rows]
FROM [dbo].[rejected_lines]
WHERE [app] = ? AND [event_date] = ?;

IF OBJECT_ID(N'[stg].[rejected_lines__my_app__20261120]', N'U') IS NOT NULL
DROP TABLE [stg].[rejected_lines__my_app__20261120];
