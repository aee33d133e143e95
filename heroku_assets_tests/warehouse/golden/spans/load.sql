IF OBJECT_ID(N'[stg].[spans__my_app__20261120]', N'U') IS NULL
CREATE TABLE [stg].[spans__my_app__20261120] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] datetime2(6) NULL,
    [trace_id] nvarchar(max) NULL,
    [span_id] nvarchar(max) NULL,
    [parent_span_id] nvarchar(max) NULL,
    [name] nvarchar(max) NULL,
    [kind] nvarchar(max) NULL,
    [start_ts] datetime2(6) NULL,
    [end_ts] datetime2(6) NULL,
    [duration_ms] float NULL,
    [status] nvarchar(max) NULL,
    [service_name] nvarchar(max) NULL,
    [dyno] nvarchar(max) NULL,
    [attributes] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[spans__my_app__20261120];

COPY INTO [stg].[spans__my_app__20261120] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/spans/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

-- params: ['my-app', '2026-11-20']
SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] = ? AND [event_date] = ? THEN 0 ELSE 1 END), 0) AS [outside_rows],
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
FROM [stg].[spans__my_app__20261120];

BEGIN TRANSACTION;

-- params: ['my-app', '2026-11-20']
DELETE FROM [dbo].[spans]
WHERE [app] = ? AND [event_date] = ?;

-- params: ['my-app', '2026-11-20']
INSERT INTO [dbo].[spans] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    [event_ts],
    CAST([trace_id] AS nvarchar(32)),
    CAST([span_id] AS nvarchar(16)),
    CAST([parent_span_id] AS nvarchar(16)),
    CAST([name] AS nvarchar(400)),
    CAST([kind] AS nvarchar(16)),
    [start_ts],
    [end_ts],
    [duration_ms],
    CAST([status] AS nvarchar(16)),
    CAST([service_name] AS nvarchar(100)),
    CAST([dyno] AS nvarchar(100)),
    CAST([attributes] AS nvarchar(4000))
FROM [stg].[spans__my_app__20261120]
WHERE [app] = ? AND [event_date] = ?;

COMMIT TRANSACTION;

-- params: ['my-app', '2026-11-20']
SELECT COUNT_BIG(*) AS [rows]
FROM [dbo].[spans]
WHERE [app] = ? AND [event_date] = ?;

IF OBJECT_ID(N'[stg].[spans__my_app__20261120]', N'U') IS NOT NULL
DROP TABLE [stg].[spans__my_app__20261120];
