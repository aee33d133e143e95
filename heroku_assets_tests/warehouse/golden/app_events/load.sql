IF OBJECT_ID(N'[stg].[app_events__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[app_events__20261120__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [source] nvarchar(max) NULL,
    [dyno] nvarchar(max) NULL,
    [process_type] nvarchar(max) NULL,
    [message] nvarchar(max) NULL,
    [extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[app_events__20261120__0123456789ab];

COPY INTO [stg].[app_events__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/app_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST([app] AS nvarchar(4000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([source]) > 32 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([process_type]) > 200 OR DATALENGTH([message]) > 8000 OR DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[app_events__20261120__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:app_events:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[app_events]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:app_events:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[app_events] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [message], [extra])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([source] AS nvarchar(16)),
    CAST([dyno] AS nvarchar(100)),
    CAST([process_type] AS nvarchar(100)),
    CAST([message] AS nvarchar(4000)),
    CAST([extra] AS nvarchar(4000))
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
