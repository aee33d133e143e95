IF OBJECT_ID(N'[stg].[spans__20261120__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[spans__20261120__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [trace_id] nvarchar(max) NULL,
    [span_id] nvarchar(max) NULL,
    [parent_span_id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [kind] nvarchar(max) NULL,
    [start_ts] bigint NULL,
    [end_ts] bigint NULL,
    [duration_ms] float NULL,
    [status] nvarchar(max) NULL,
    [service_name] nvarchar(max) NULL,
    [dyno] nvarchar(max) NULL,
    [attributes] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[spans__20261120__0123456789ab];

COPY INTO [stg].[spans__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/spans/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    CAST([app] AS nvarchar(4000)) AS [app],
    [event_date] AS [event_date],
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([trace_id]) > 64 OR DATALENGTH([span_id]) > 32 OR DATALENGTH([parent_span_id]) > 32 OR DATALENGTH([name]) > 800 OR DATALENGTH([kind]) > 32 OR DATALENGTH([status]) > 32 OR DATALENGTH([service_name]) > 200 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([attributes]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([trace_id]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__trace_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([span_id]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__span_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([parent_span_id]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__parent_span_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([name]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__name],
    COALESCE(SUM(CASE WHEN DATALENGTH([kind]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__kind],
    COALESCE(SUM(CASE WHEN DATALENGTH([status]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__status],
    COALESCE(SUM(CASE WHEN DATALENGTH([service_name]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__service_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([attributes]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__attributes]
FROM [stg].[spans__20261120__0123456789ab]
GROUP BY CAST([app] AS nvarchar(4000)), [event_date]
OPTION (LABEL = 'heroku-assets:spans:my-app:2026-11-20');

BEGIN TRANSACTION;

-- params: ['2026-11-20', 'my-app']
DELETE FROM [dbo].[spans]
WHERE [event_date] = ? AND [app] = ?
OPTION (LABEL = 'heroku-assets:spans:my-app:2026-11-20');

-- params: ['2026-11-20', 'my-app']
INSERT INTO [dbo].[spans] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([trace_id] AS nvarchar(32)),
    CAST([span_id] AS nvarchar(16)),
    CAST([parent_span_id] AS nvarchar(16)),
    CAST([name] AS nvarchar(400)),
    CAST([kind] AS nvarchar(16)),
    DATEADD(MICROSECOND, CAST([start_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([start_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([start_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    DATEADD(MICROSECOND, CAST([end_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([end_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([end_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    [duration_ms],
    CAST([status] AS nvarchar(16)),
    CAST([service_name] AS nvarchar(100)),
    CAST([dyno] AS nvarchar(100)),
    CAST([attributes] AS nvarchar(4000))
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
