IF OBJECT_ID(N'[stg].[router_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[router_events__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [at] varchar(8000) NULL,
    [code] varchar(8000) NULL,
    [desc] varchar(8000) NULL,
    [sock] varchar(8000) NULL,
    [cause] varchar(8000) NULL,
    [method] varchar(8000) NULL,
    [path] varchar(max) NULL,
    [host] varchar(8000) NULL,
    [request_id] varchar(8000) NULL,
    [fwd] varchar(8000) NULL,
    [dyno] varchar(8000) NULL,
    [connect_ms] bigint NULL,
    [service_ms] bigint NULL,
    [status] int NULL,
    [bytes] bigint NULL,
    [protocol] varchar(8000) NULL,
    [tls] bit NULL,
    [tls_version] varchar(8000) NULL,
    [extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([at]) > DATALENGTH(CAST(LEFT([at], 16) AS varchar(64))) OR DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) OR DATALENGTH([desc]) > DATALENGTH(CAST(LEFT([desc], 400) AS varchar(1600))) OR DATALENGTH([sock]) > DATALENGTH(CAST(LEFT([sock], 16) AS varchar(64))) OR DATALENGTH([cause]) > DATALENGTH(CAST(LEFT([cause], 400) AS varchar(1600))) OR DATALENGTH([method]) > DATALENGTH(CAST(LEFT([method], 16) AS varchar(64))) OR DATALENGTH([path]) > DATALENGTH(CAST(LEFT([path], 4000) AS varchar(8000))) OR DATALENGTH([host]) > DATALENGTH(CAST(LEFT([host], 400) AS varchar(1600))) OR DATALENGTH([request_id]) > DATALENGTH(CAST(LEFT([request_id], 100) AS varchar(400))) OR DATALENGTH([fwd]) > DATALENGTH(CAST(LEFT([fwd], 400) AS varchar(1600))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([protocol]) > DATALENGTH(CAST(LEFT([protocol], 16) AS varchar(64))) OR DATALENGTH([tls_version]) > DATALENGTH(CAST(LEFT([tls_version], 16) AS varchar(64))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([at]) > DATALENGTH(CAST(LEFT([at], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__at],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([desc]) > DATALENGTH(CAST(LEFT([desc], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__desc],
    COALESCE(SUM(CASE WHEN DATALENGTH([sock]) > DATALENGTH(CAST(LEFT([sock], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__sock],
    COALESCE(SUM(CASE WHEN DATALENGTH([cause]) > DATALENGTH(CAST(LEFT([cause], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__cause],
    COALESCE(SUM(CASE WHEN DATALENGTH([method]) > DATALENGTH(CAST(LEFT([method], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__method],
    COALESCE(SUM(CASE WHEN DATALENGTH([path]) > DATALENGTH(CAST(LEFT([path], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__path],
    COALESCE(SUM(CASE WHEN DATALENGTH([host]) > DATALENGTH(CAST(LEFT([host], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__host],
    COALESCE(SUM(CASE WHEN DATALENGTH([request_id]) > DATALENGTH(CAST(LEFT([request_id], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__request_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([fwd]) > DATALENGTH(CAST(LEFT([fwd], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__fwd],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([protocol]) > DATALENGTH(CAST(LEFT([protocol], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__protocol],
    COALESCE(SUM(CASE WHEN DATALENGTH([tls_version]) > DATALENGTH(CAST(LEFT([tls_version], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__tls_version],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[router_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[app_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[app_events__0123456789ab] (
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
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) OR DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[app_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[platform_events__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[platform_events__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [source] varchar(8000) NULL,
    [dyno] varchar(8000) NULL,
    [process_type] varchar(8000) NULL,
    [event_type] varchar(8000) NULL,
    [code] varchar(8000) NULL,
    [from_state] varchar(8000) NULL,
    [to_state] varchar(8000) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] varchar(8000) NULL,
    [message] varchar(max) NULL,
    [extra] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) OR DATALENGTH([event_type]) > DATALENGTH(CAST(LEFT([event_type], 32) AS varchar(128))) OR DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) OR DATALENGTH([from_state]) > DATALENGTH(CAST(LEFT([from_state], 32) AS varchar(128))) OR DATALENGTH([to_state]) > DATALENGTH(CAST(LEFT([to_state], 32) AS varchar(128))) OR DATALENGTH([actor]) > DATALENGTH(CAST(LEFT([actor], 320) AS varchar(1280))) OR DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([source]) > DATALENGTH(CAST(LEFT([source], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__source],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([process_type]) > DATALENGTH(CAST(LEFT([process_type], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__process_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([event_type]) > DATALENGTH(CAST(LEFT([event_type], 32) AS varchar(128))) THEN 1 ELSE 0 END), 0) AS [truncated__event_type],
    COALESCE(SUM(CASE WHEN DATALENGTH([code]) > DATALENGTH(CAST(LEFT([code], 8) AS varchar(32))) THEN 1 ELSE 0 END), 0) AS [truncated__code],
    COALESCE(SUM(CASE WHEN DATALENGTH([from_state]) > DATALENGTH(CAST(LEFT([from_state], 32) AS varchar(128))) THEN 1 ELSE 0 END), 0) AS [truncated__from_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([to_state]) > DATALENGTH(CAST(LEFT([to_state], 32) AS varchar(128))) THEN 1 ELSE 0 END), 0) AS [truncated__to_state],
    COALESCE(SUM(CASE WHEN DATALENGTH([actor]) > DATALENGTH(CAST(LEFT([actor], 320) AS varchar(1280))) THEN 1 ELSE 0 END), 0) AS [truncated__actor],
    COALESCE(SUM(CASE WHEN DATALENGTH([message]) > DATALENGTH(CAST(LEFT([message], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__message],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[platform_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[runtime_metrics__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[runtime_metrics__0123456789ab] (
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
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) OR DATALENGTH([dyno_id]) > DATALENGTH(CAST(LEFT([dyno_id], 200) AS varchar(800))) OR DATALENGTH([source_name]) > DATALENGTH(CAST(LEFT([source_name], 100) AS varchar(400))) OR DATALENGTH([addon]) > DATALENGTH(CAST(LEFT([addon], 200) AS varchar(800))) OR DATALENGTH([metric]) > DATALENGTH(CAST(LEFT([metric], 100) AS varchar(400))) OR DATALENGTH([unit]) > DATALENGTH(CAST(LEFT([unit], 16) AS varchar(64))) OR DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno]) > DATALENGTH(CAST(LEFT([dyno], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno],
    COALESCE(SUM(CASE WHEN DATALENGTH([dyno_id]) > DATALENGTH(CAST(LEFT([dyno_id], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__dyno_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([source_name]) > DATALENGTH(CAST(LEFT([source_name], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__source_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([addon]) > DATALENGTH(CAST(LEFT([addon], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__addon],
    COALESCE(SUM(CASE WHEN DATALENGTH([metric]) > DATALENGTH(CAST(LEFT([metric], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__metric],
    COALESCE(SUM(CASE WHEN DATALENGTH([unit]) > DATALENGTH(CAST(LEFT([unit], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__unit],
    COALESCE(SUM(CASE WHEN DATALENGTH([extra]) > DATALENGTH(CAST(LEFT([extra], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__extra]
FROM [stg].[runtime_metrics__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[spans__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[spans__0123456789ab] (
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
FROM [stg].[spans__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[rejected_lines__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[rejected_lines__0123456789ab] (
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [line_number] bigint NULL,
    [event_ts] bigint NULL,
    [reason] varchar(8000) NULL,
    [raw_line] varchar(max) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([reason]) > DATALENGTH(CAST(LEFT([reason], 200) AS varchar(800))) OR DATALENGTH([raw_line]) > DATALENGTH(CAST(LEFT([raw_line], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([reason]) > DATALENGTH(CAST(LEFT([reason], 200) AS varchar(800))) THEN 1 ELSE 0 END), 0) AS [truncated__reason],
    COALESCE(SUM(CASE WHEN DATALENGTH([raw_line]) > DATALENGTH(CAST(LEFT([raw_line], 4000) AS varchar(8000))) THEN 1 ELSE 0 END), 0) AS [truncated__raw_line]
FROM [stg].[rejected_lines__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[log_ledger__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[log_ledger__0123456789ab] (
    [tick_id] varchar(8000) NULL,
    [object_key] varchar(8000) NULL,
    [app] varchar(8000) NULL,
    [event_date] date NULL,
    [lines] bigint NULL,
    [duplicate_lines] bigint NULL,
    [kind] varchar(8000) NULL,
    [loaded_at] bigint NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) OR DATALENGTH([object_key]) > DATALENGTH(CAST(LEFT([object_key], 400) AS varchar(1600))) OR DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated__tick_id],
    COALESCE(SUM(CASE WHEN DATALENGTH([object_key]) > DATALENGTH(CAST(LEFT([object_key], 400) AS varchar(1600))) THEN 1 ELSE 0 END), 0) AS [truncated__object_key],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([kind]) > DATALENGTH(CAST(LEFT([kind], 16) AS varchar(64))) THEN 1 ELSE 0 END), 0) AS [truncated__kind]
FROM [stg].[log_ledger__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

IF OBJECT_ID(N'[stg].[loaded_copies__0123456789ab]', N'U') IS NULL
CREATE TABLE [stg].[loaded_copies__0123456789ab] (
    [copy_name] varchar(8000) NULL,
    [app] varchar(8000) NULL,
    [received_at] bigint NULL,
    [tick_id] varchar(8000) NULL
);

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
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > DATALENGTH(CAST(LEFT([copy_name], 100) AS varchar(400))) OR DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) OR DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated_rows],
    COALESCE(SUM(CASE WHEN DATALENGTH([copy_name]) > DATALENGTH(CAST(LEFT([copy_name], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__copy_name],
    COALESCE(SUM(CASE WHEN DATALENGTH([app]) > DATALENGTH(CAST(LEFT([app], 100) AS varchar(400))) THEN 1 ELSE 0 END), 0) AS [truncated__app],
    COALESCE(SUM(CASE WHEN DATALENGTH([tick_id]) > DATALENGTH(CAST(LEFT([tick_id], 64) AS varchar(256))) THEN 1 ELSE 0 END), 0) AS [truncated__tick_id]
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
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([at], 16) AS varchar(64)),
    CAST(LEFT([code], 8) AS varchar(32)),
    CAST(LEFT([desc], 400) AS varchar(1600)),
    CAST(LEFT([sock], 16) AS varchar(64)),
    CAST(LEFT([cause], 400) AS varchar(1600)),
    CAST(LEFT([method], 16) AS varchar(64)),
    CAST(LEFT([path], 4000) AS varchar(8000)),
    CAST(LEFT([host], 400) AS varchar(1600)),
    CAST(LEFT([request_id], 100) AS varchar(400)),
    CAST(LEFT([fwd], 400) AS varchar(1600)),
    CAST(LEFT([dyno], 100) AS varchar(400)),
    [connect_ms],
    [service_ms],
    [status],
    [bytes],
    CAST(LEFT([protocol], 16) AS varchar(64)),
    [tls],
    CAST(LEFT([tls_version], 16) AS varchar(64)),
    CAST(LEFT([extra], 4000) AS varchar(8000))
FROM [stg].[router_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

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
FROM [stg].[app_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[platform_events] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [event_type], [code], [from_state], [to_state], [exit_status], [release_version], [actor], [message], [extra])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([source], 16) AS varchar(64)),
    CAST(LEFT([dyno], 100) AS varchar(400)),
    CAST(LEFT([process_type], 100) AS varchar(400)),
    CAST(LEFT([event_type], 32) AS varchar(128)),
    CAST(LEFT([code], 8) AS varchar(32)),
    CAST(LEFT([from_state], 32) AS varchar(128)),
    CAST(LEFT([to_state], 32) AS varchar(128)),
    [exit_status],
    [release_version],
    CAST(LEFT([actor], 320) AS varchar(1280)),
    CAST(LEFT([message], 4000) AS varchar(8000)),
    CAST(LEFT([extra], 4000) AS varchar(8000))
FROM [stg].[platform_events__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

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
FROM [stg].[runtime_metrics__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

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
FROM [stg].[spans__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[rejected_lines] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
SELECT
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [line_number],
    DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int), DATEADD(SECOND, CAST(([event_ts] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([event_ts] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([reason], 200) AS varchar(800)),
    CAST(LEFT([raw_line], 4000) AS varchar(8000))
FROM [stg].[rejected_lines__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[log_ledger] ([tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at])
SELECT
    CAST(LEFT([tick_id], 64) AS varchar(256)),
    CAST(LEFT([object_key], 400) AS varchar(1600)),
    CAST(LEFT([app], 100) AS varchar(400)),
    [event_date],
    [lines],
    [duplicate_lines],
    CAST(LEFT([kind], 16) AS varchar(64)),
    DATEADD(MICROSECOND, CAST([loaded_at] % 1000000 AS int), DATEADD(SECOND, CAST(([loaded_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([loaded_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6)))))
FROM [stg].[log_ledger__0123456789ab]
OPTION (LABEL = 'heroku-assets:tick:0123456789ab');

INSERT INTO [dbo].[loaded_copies] ([copy_name], [app], [received_at], [tick_id])
SELECT
    CAST(LEFT([copy_name], 100) AS varchar(400)),
    CAST(LEFT([app], 100) AS varchar(400)),
    DATEADD(MICROSECOND, CAST([received_at] % 1000000 AS int), DATEADD(SECOND, CAST(([received_at] / 1000000) % 86400 AS int), DATEADD(DAY, CAST(([received_at] / 1000000) / 86400 AS int), CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))))),
    CAST(LEFT([tick_id], 64) AS varchar(256))
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
