IF OBJECT_ID(N'[dbo].[spans]', N'U') IS NULL
CREATE TABLE [dbo].[spans] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [trace_id] varchar(128) NULL,
    [span_id] varchar(64) NULL,
    [parent_span_id] varchar(64) NULL,
    [name] varchar(1600) NULL,
    [kind] varchar(64) NULL,
    [start_ts] datetime2(6) NULL,
    [end_ts] datetime2(6) NULL,
    [duration_ms] float NULL,
    [status] varchar(64) NULL,
    [service_name] varchar(400) NULL,
    [dyno] varchar(400) NULL,
    [attributes] varchar(8000) NULL
);
