IF OBJECT_ID(N'[stg].[router_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[router_events__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [at] nvarchar(max) NULL,
    [code] nvarchar(max) NULL,
    [desc] nvarchar(max) NULL,
    [sock] nvarchar(max) NULL,
    [cause] nvarchar(max) NULL,
    [method] nvarchar(max) NULL,
    [path] nvarchar(max) NULL,
    [host] nvarchar(max) NULL,
    [request_id] nvarchar(max) NULL,
    [fwd] nvarchar(max) NULL,
    [dyno] nvarchar(max) NULL,
    [connect_ms] bigint NULL,
    [service_ms] bigint NULL,
    [status] int NULL,
    [bytes] bigint NULL,
    [protocol] nvarchar(max) NULL,
    [tls] bit NULL,
    [tls_version] nvarchar(max) NULL,
    [extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[router_events__0123456789ab];

COPY INTO [stg].[router_events__0123456789ab] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/router_events/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([at]) > 32 OR DATALENGTH([code]) > 16 OR DATALENGTH([desc]) > 800 OR DATALENGTH([sock]) > 32 OR DATALENGTH([cause]) > 800 OR DATALENGTH([method]) > 32 OR DATALENGTH([path]) > 8000 OR DATALENGTH([host]) > 800 OR DATALENGTH([request_id]) > 200 OR DATALENGTH([fwd]) > 800 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([protocol]) > 32 OR DATALENGTH([tls_version]) > 32 OR DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([at]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__at],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([desc]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__desc],
    COALESCE(SUM(CASE WHEN DATALENGTH([sock]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__sock],
    COALESCE(SUM(CASE WHEN DATALENGTH([cause]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__cause],
    COALESCE(SUM(CASE WHEN DATALENGTH([method]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__method],
    COALESCE(SUM(CASE WHEN DATALENGTH([path]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__path],
    COALESCE(SUM(CASE WHEN DATALENGTH([host]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__host],
    COALESCE(SUM(CASE WHEN DATALENGTH([request_id]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__request_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([fwd]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__fwd],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([protocol]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__protocol],
    COALESCE(SUM(CASE WHEN DATALENGTH([tls_version]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__tls_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[router_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[app_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[app_events__0123456789ab] (
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

TRUNCATE TABLE [stg].[app_events__0123456789ab];

COPY INTO [stg].[app_events__0123456789ab] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/app_events/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([source]) > 32 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([process_type]) > 200 OR DATALENGTH([message]) > 8000 OR DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[app_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[platform_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[platform_events__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [source] nvarchar(max) NULL,
    [dyno] nvarchar(max) NULL,
    [process_type] nvarchar(max) NULL,
    [event_type] nvarchar(max) NULL,
    [code] nvarchar(max) NULL,
    [from_state] nvarchar(max) NULL,
    [to_state] nvarchar(max) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] nvarchar(max) NULL,
    [message] nvarchar(max) NULL,
    [extra] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[platform_events__0123456789ab];

COPY INTO [stg].[platform_events__0123456789ab] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/platform_events/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([source]) > 32 OR DATALENGTH([dyno]) > 200 OR DATALENGTH([process_type]) > 200 OR DATALENGTH([event_type]) > 64 OR DATALENGTH([code]) > 16 OR DATALENGTH([from_state]) > 64 OR DATALENGTH([to_state]) > 64 OR DATALENGTH([actor]) > 640 OR DATALENGTH([message]) > 8000 OR DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_type]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__event_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > 16 THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([from_state]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__from_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([to_state]) > 64 THEN 1 ELSE 0 END), 0) AS [truncated__to_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor]) > 640 THEN 1 ELSE 0 END), 0) AS [truncated__actor],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[platform_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[runtime_metrics__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[runtime_metrics__0123456789ab] (
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

TRUNCATE TABLE [stg].[runtime_metrics__0123456789ab];

COPY INTO [stg].[runtime_metrics__0123456789ab] ([app], [event_date], [line_number], [event_ts], [dyno], [dyno_id], [source_name], [addon], [metric], [value], [unit], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/runtime_metrics/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
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
FROM [stg].[runtime_metrics__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[spans__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[spans__0123456789ab] (
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

TRUNCATE TABLE [stg].[spans__0123456789ab];

COPY INTO [stg].[spans__0123456789ab] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/spans/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
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
FROM [stg].[spans__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[rejected_lines__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[rejected_lines__0123456789ab] (
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [reason] nvarchar(max) NULL,
    [raw_line] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[rejected_lines__0123456789ab];

COPY INTO [stg].[rejected_lines__0123456789ab] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/rejected_lines/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [app] IS NULL OR [event_date] IS NULL OR [line_number] IS NULL OR [reason] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 OR DATALENGTH([reason]) > 400 OR DATALENGTH([raw_line]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([reason]) > 400 THEN 1 ELSE 0 END), 0) AS [truncated__reason],
    COALESCE(SUM(CASE WHEN DATALENGTH([raw_line]) > 8000 THEN 1 ELSE 0 END), 0) AS [truncated__raw_line]
FROM [stg].[rejected_lines__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[log_ledger__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[log_ledger__0123456789ab] (
    [tick_id] nvarchar(max) NULL,
    [object_key] nvarchar(max) NULL,
    [app] nvarchar(max) NULL,
    [event_date] date NULL,
    [lines] bigint NULL,
    [duplicate_lines] bigint NULL,
    [kind] nvarchar(max) NULL,
    [loaded_at] bigint NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[log_ledger__0123456789ab];

COPY INTO [stg].[log_ledger__0123456789ab] ([tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/log_ledger/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [tick_id] IS NULL OR [object_key] IS NULL OR [app] IS NULL OR [event_date] IS NULL OR [lines] IS NULL OR [duplicate_lines] IS NULL OR [kind] IS NULL OR [loaded_at] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > 128 OR DATALENGTH([object_key]) > 800 OR DATALENGTH([app]) > 200 OR DATALENGTH([kind]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > 128 THEN 1 ELSE 0 END), 0) AS [truncated__tick_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([object_key]) > 800 THEN 1 ELSE 0 END), 0) AS [truncated__object_key],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([kind]) > 32 THEN 1 ELSE 0 END), 0) AS [truncated__kind]
FROM [stg].[log_ledger__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[loaded_copies__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[loaded_copies__0123456789ab] (
    [copy_name] nvarchar(max) NULL,
    [app] nvarchar(max) NULL,
    [received_at] bigint NULL,
    [tick_id] nvarchar(max) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

TRUNCATE TABLE [stg].[loaded_copies__0123456789ab];

COPY INTO [stg].[loaded_copies__0123456789ab] ([copy_name], [app], [received_at], [tick_id])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/ticks/tick1/loaded_copies/part-00000.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);

SELECT
    COUNT_BIG(*) AS [staged_rows],
    COALESCE(SUM(CASE WHEN [copy_name] IS NULL OR [app] IS NULL OR [received_at] IS NULL OR [tick_id] IS NULL THEN 1 ELSE 0 END), 0) AS [missing_required_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > 200 OR DATALENGTH([app]) > 200 OR DATALENGTH([tick_id]) > 128 THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__copy_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > 200 THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > 128 THEN 1 ELSE 0 END), 0) AS [truncated__tick_id]
FROM [stg].[loaded_copies__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

BEGIN TRANSACTION;

-- params: ['tick1', '2026-11-20T06:00:00', 'ticks']
UPDATE [dbo].[log_ticks]
SET [tick_id] = ?, [ticked_at] = ?
WHERE [name] = ?
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

SELECT COUNT_BIG(*) AS [already_loaded]
FROM [dbo].[log_ledger] AS [l]
WHERE [l].[object_key] IN (
    SELECT [object_key] FROM [stg].[log_ledger__0123456789ab]
)
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[router_events] ([app], [event_date], [line_number], [event_ts], [at], [code], [desc], [sock], [cause], [method], [path], [host], [request_id], [fwd], [dyno], [connect_ms], [service_ms], [status], [bytes], [protocol], [tls], [tls_version], [extra])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([at] AS nvarchar(16)),
    CAST([code] AS nvarchar(8)),
    CAST([desc] AS nvarchar(400)),
    CAST([sock] AS nvarchar(16)),
    CAST([cause] AS nvarchar(400)),
    CAST([method] AS nvarchar(16)),
    CAST([path] AS nvarchar(4000)),
    CAST([host] AS nvarchar(400)),
    CAST([request_id] AS nvarchar(100)),
    CAST([fwd] AS nvarchar(400)),
    CAST([dyno] AS nvarchar(100)),
    [connect_ms],
    [service_ms],
    [status],
    [bytes],
    CAST([protocol] AS nvarchar(16)),
    [tls],
    CAST([tls_version] AS nvarchar(16)),
    CAST([extra] AS nvarchar(4000))
FROM [stg].[router_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

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
FROM [stg].[app_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[platform_events] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([source] AS nvarchar(16)),
    CAST([dyno] AS nvarchar(100)),
    CAST([process_type] AS nvarchar(100)),
    CAST([event_type] AS nvarchar(32)),
    CAST([code] AS nvarchar(8)),
    CAST([from_state] AS nvarchar(32)),
    CAST([to_state] AS nvarchar(32)),
    [exit_status],
    [release_version],
    CAST([actor] AS nvarchar(320)),
    CAST([message] AS nvarchar(4000)),
    CAST([extra] AS nvarchar(4000))
FROM [stg].[platform_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

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
FROM [stg].[runtime_metrics__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

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
FROM [stg].[spans__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[rejected_lines] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
SELECT
    CAST([app] AS nvarchar(100)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([reason] AS nvarchar(200)),
    CAST([raw_line] AS nvarchar(4000))
FROM [stg].[rejected_lines__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[log_ledger] ([tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at])
SELECT
    CAST([tick_id] AS nvarchar(64)),
    CAST([object_key] AS nvarchar(400)),
    CAST([app] AS nvarchar(100)),
    [event_date],
    [lines],
    [duplicate_lines],
    CAST([kind] AS nvarchar(16)),
    DATEADD(MICROSECOND, CAST([loaded_at] % 1000000 AS int), DATEADD(SECOND, CAST(([loaded_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([loaded_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6)))))
FROM [stg].[log_ledger__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[loaded_copies] ([copy_name], [app], [received_at], [tick_id])
SELECT
    CAST([copy_name] AS nvarchar(100)),
    CAST([app] AS nvarchar(100)),
    DATEADD(MICROSECOND, CAST([received_at] % 1000000 AS int), DATEADD(SECOND, CAST(([received_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([received_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST([tick_id] AS nvarchar(64))
FROM [stg].[loaded_copies__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

COMMIT TRANSACTION;

IF OBJECT_ID(N'[stg].[router_events__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[router_events__0123456789ab];

IF OBJECT_ID(N'[stg].[app_events__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[app_events__0123456789ab];

IF OBJECT_ID(N'[stg].[platform_events__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[platform_events__0123456789ab];

IF OBJECT_ID(N'[stg].[runtime_metrics__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[runtime_metrics__0123456789ab];

IF OBJECT_ID(N'[stg].[spans__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[spans__0123456789ab];

IF OBJECT_ID(N'[stg].[rejected_lines__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[rejected_lines__0123456789ab];

IF OBJECT_ID(N'[stg].[log_ledger__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[log_ledger__0123456789ab];

IF OBJECT_ID(N'[stg].[loaded_copies__0123456789ab]', N'U') IS NOT NULL
DROP TABLE [stg].[loaded_copies__0123456789ab];
