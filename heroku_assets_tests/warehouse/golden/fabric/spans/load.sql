IF OBJECT_ID(N'[stg].[spans__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[spans__20261120__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [trace_id] varchar(8000) NULL,
    [span_id] varchar(8000) NULL,
    [parent_span_id] varchar(8000) NULL,
    [name] varchar(8000) NULL,
    [kind] varchar(8000) NULL,
    [start_ts] bigint NULL,
    [end_ts] bigint NULL,
    [duration_ms] float NULL,
    [status] varchar(8000) NULL,
    [service_name] varchar(8000) NULL,
    [dyno] varchar(8000) NULL,
    [attributes] varchar(max) NULL
);

TRUNCATE TABLE [stg].[spans__20261120__0123456789ab];

COPY INTO [stg].[spans__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/spans/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST(LEFT([app], 4000) AS varchar(8000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([trace_id]) > DATALENGTH(CAST(LEFT([trace_id], 32) AS varchar(128))) OR DATALENGTH([span_id]) > DATALENGTH(CAST(LEFT([span_id], 16) AS varchar(64))) OR DATALENGTH([parent_span_id]) > DATALENGTH(CAST(LEFT([parent_span_id], 16) AS varchar(64))) OR DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 400) AS varchar(1600))) OR DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 16) AS varchar(64))) OR DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 16) AS varchar(64))) OR DATALENGTH([service_name]) > DATALENGTH(CAST(LEFT([service_name], 100) AS varchar(400))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([attributes]) > DATALENGTH(CAST(LEFT([attributes], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([trace_id]) > DATALENGTH(CAST(LEFT([trace_id], 32) AS varchar(128))) THEN 1 ELSE 0 END), 0) AS [truncated__trace_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([span_id]) > DATALENGTH(CAST(LEFT([span_id], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__span_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([parent_span_id]) > DATALENGTH(CAST(LEFT([parent_span_id], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__parent_span_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > DATALENGTH(CAST(LEFT([name], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__kind],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > DATALENGTH(CAST(LEFT([status], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([service_name]) > DATALENGTH(CAST(LEFT([service_name], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__service_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([attributes]) > DATALENGTH(CAST(LEFT([attributes], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__attributes]
FROM [stg].[spans__20261120__0123456789ab]
GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]
OPTION (LABEL = 'heroku-assets:spans:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[spans]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:spans:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[spans] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([trace_id], 32) AS varchar(128)),
    CAST(LEFT([span_id], 16) AS varchar(64)),
    CAST(LEFT([parent_span_id], 16) AS varchar(64)),
    CAST(LEFT([name], 400) AS varchar(1600)),
    CAST(LEFT([kind], 16) AS varchar(64)),
    DATEADD(MICROSECOND, CAST([start_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([start_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([start_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    DATEADD(MICROSECOND, CAST([end_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([end_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([end_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    [duration_ms],
    CAST(LEFT([status], 16) AS varchar(64)),
    CAST(LEFT([service_name], 100) AS varchar(400)),
    CAST(LEFT([dyno], 100) AS varchar(400)),
    CAST(LEFT([attributes], 4000) AS varchar(8000))
FROM [stg].[spans__20261120__0123456789ab]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:spans:my-app:2026-11-20');

COMMIT TRANSACTION;

-- params: ['2026-11-20', 'my-app']
SELECT [app], COUNT_BIG(*) AS [rows]
FROM [dbo].[spans]
WHERE [event_date] = ? AND [app] = ?
GROUP BY [app]
OPTION (LABEL = 'heroku-assets:spans:my-app:2026-11-20');

IF OBJECT_ID(N'[stg].[spans__20261120__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[spans__20261120__0123456789ab];
