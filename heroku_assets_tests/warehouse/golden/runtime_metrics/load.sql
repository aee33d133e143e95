IF OBJECT_ID(N'[stg].[runtime_metrics__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[runtime_metrics__20261120__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [dyno] nvarchar(max) NULL,
    [dyno_id] nvarchar(max) NULL,
    [source_name] nvarchar(max) NULL,
    [addon] nvarchar(max) NULL,
    [metric] nvarchar(max) NULL,
    [value] float NULL,
    [unit] nvarchar(max) NULL,
    [extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[runtime_metrics__20261120__0123456789ab];

COPY INTO [stg].[runtime_metrics__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [dyno], [dyno_id], [source_name], [addon], [metric], [value], [unit], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/runtime_metrics/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST([app] AS nvarchar(4000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([dyno_id]) > 400 OR DATALENGTH([source_name]) > 200 OR DATALENGTH([addon]) > 400 OR DATALENGTH([metric]) > 200 OR DATALENGTH([unit]) > 32 OR DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno_id]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated__dyno_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_name]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__source_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated__addon],
    COALESCE(SUM(CASE WHEN DATALENGTH([metric]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__metric],
    COALESCE(SUM(CASE WHEN DATALENGTH([unit]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__unit],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[runtime_metrics__20261120__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:runtime_metrics:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[runtime_metrics]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:runtime_metrics:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[runtime_metrics] ([app], [event_date], [line_number], [event_ts], [dyno], [dyno_id], [source_name], [addon], [metric], [value], [unit], [extra])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([dyno] AS nvarchar(100)),
    CAST([dyno_id] AS nvarchar(200)),
    CAST([source_name] AS nvarchar(100)),
    CAST([addon] AS nvarchar(200)),
    CAST([metric] AS nvarchar(100)),
    [value],
    CAST([unit] AS nvarchar(16)),
    CAST([extra] AS nvarchar(4000))
FROM [stg].[runtime_metrics__20261120__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:runtime_metrics:my-app:2026-11-20');

COMMIT TRANSACTION;

-- params: ['2026-11-20', 'my-app']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [dbo].[runtime_metrics]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:runtime_metrics:my-app:2026-11-20');

IF OBJECT_ID(N'[stg].[runtime_metrics__20261120__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[runtime_metrics__20261120__0123456789ab];
