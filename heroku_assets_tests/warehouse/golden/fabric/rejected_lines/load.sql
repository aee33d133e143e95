IF OBJECT_ID(N'[stg].[rejected_lines__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[rejected_lines__20261120__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [reason] varchar(8000) NULL,
    [raw_line] varchar(max) NULL
);

TRUNCATE TABLE [stg].[rejected_lines__20261120__0123456789ab];

COPY INTO [stg].[rejected_lines__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/rejected_lines/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL OR [reason] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([reason]) > DATALENGTH(CAST(LEFT([reason], 200) AS varchar(800))) OR DATALENGTH([raw_line]) > DATALENGTH(CAST(LEFT([raw_line], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([reason]) > DATALENGTH(CAST(LEFT([reason], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__reason],
    COALESCE(SUM(CASE WHEN DATALENGTH([raw_line]) > DATALENGTH(CAST(LEFT([raw_line], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__raw_line]
FROM [stg].[rejected_lines__20261120__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:rejected_lines:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[rejected_lines]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:rejected_lines:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[rejected_lines] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([reason], 200) AS varchar(800)),
    CAST(LEFT([raw_line], 4000) AS varchar(8000))
FROM [stg].[rejected_lines__20261120__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:rejected_lines:my-app:2026-11-20');

COMMIT TRANSACTION;

-- params: ['2026-11-20', 'my-app']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [dbo].[rejected_lines]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:rejected_lines:my-app:2026-11-20');

IF OBJECT_ID(N'[stg].[rejected_lines__20261120__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[rejected_lines__20261120__0123456789ab];
