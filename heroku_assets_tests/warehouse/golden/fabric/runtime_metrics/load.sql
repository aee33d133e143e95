IF OBJECT_ID(N'[stg].[runtime_metrics__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[runtime_metrics__20261120__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [dyno] varchar(8000) NULL,
    [dyno_id] varchar(8000) NULL,
    [source_name] varchar(8000) NULL,
    [addon] varchar(8000) NULL,
    [metric] varchar(8000) NULL,
    [value] float NULL,
    [unit] varchar(8000) NULL,
    [extra] varchar(max) NULL
);

TRUNCATE TABLE [stg].[runtime_metrics__20261120__0123456789ab];

COPY INTO [stg].[runtime_metrics__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [dyno], [dyno_id], [source_name], [addon], [metric], [value], [unit], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/runtime_metrics/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([dyno_id]) > DATALENGTH(CAST(LEFT([dyno_id], 200) AS varchar(800))) OR DATALENGTH([source_name]) > DATALENGTH(CAST(LEFT([source_name], 100) AS varchar(400))) OR DATALENGTH([addon]) > DATALENGTH(CAST(LEFT([addon], 200) AS varchar(800))) OR DATALENGTH([metric]) > DATALENGTH(CAST(LEFT([metric], 100) AS varchar(400))) OR DATALENGTH([unit]) > DATALENGTH(CAST(LEFT([unit], 16) AS varchar(64))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno_id]) > DATALENGTH(CAST(LEFT([dyno_id], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_name]) > DATALENGTH(CAST(LEFT([source_name], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__source_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon]) > DATALENGTH(CAST(LEFT([addon], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__addon],
    COALESCE(SUM(CASE WHEN DATALENGTH([metric]) > DATALENGTH(CAST(LEFT([metric], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__metric],
    COALESCE(SUM(CASE WHEN DATALENGTH([unit]) > DATALENGTH(CAST(LEFT([unit], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__unit],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[runtime_metrics__20261120__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:runtime_metrics:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[runtime_metrics]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:runtime_metrics:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[runtime_metrics] ([app], [event_date], [line_number], [event_ts], [dyno], [dyno_id], [source_name], [addon], [metric], [value], [unit], [extra])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([dyno], 100) AS varchar(400)),
    CAST(LEFT([dyno_id], 200) AS varchar(800)),
    CAST(LEFT([source_name], 100) AS varchar(400)),
    CAST(LEFT([addon], 200) AS varchar(800)),
    CAST(LEFT([metric], 100) AS varchar(400)),
    [value],
    CAST(LEFT([unit], 16) AS varchar(64)),
    CAST(LEFT([extra], 4000) AS varchar(8000))
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
