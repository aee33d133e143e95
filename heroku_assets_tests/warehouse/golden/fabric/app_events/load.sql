IF OBJECT_ID(N'[stg].[app_events__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[app_events__20261120__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [source] varchar(8000) NULL,
    [dyno] varchar(8000) NULL,
    [process_type] varchar(8000) NULL,
    [message] varchar(max) NULL,
    [extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[app_events__20261120__0123456789ab];

COPY INTO [stg].[app_events__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/app_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) OR DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[app_events__20261120__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:app_events:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[app_events]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:app_events:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[app_events] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [message], [extra])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([source], 16) AS varchar(64)),
    CAST(LEFT([dyno], 100) AS varchar(400)),
    CAST(LEFT([process_type], 100) AS varchar(400)),
    CAST(LEFT([message], 4000) AS varchar(8000)),
    CAST(LEFT([extra], 4000) AS varchar(8000))
FROM [stg].[app_events__20261120__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:app_events:my-app:2026-11-20');

COMMIT TRANSACTION;

-- params: ['2026-11-20', 'my-app']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [dbo].[app_events]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:app_events:my-app:2026-11-20');

IF OBJECT_ID(N'[stg].[app_events__20261120__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[app_events__20261120__0123456789ab];
