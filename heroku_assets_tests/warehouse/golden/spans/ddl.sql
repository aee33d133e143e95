IF OBJECT_ID(N'[dbo].[spans]', N'U') IS NULL
CREATE TABLE [dbo].[spans] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [trace_id] nvarchar(32) NULL,
    [span_id] nvarchar(16) NULL,
    [parent_span_id] nvarchar(16) NULL,
    [name] nvarchar(400) NULL,
    [kind] nvarchar(16) NULL,
    [start_ts] datetime2(6) NULL,
    [end_ts] datetime2(6) NULL,
    [duration_ms] float NULL,
    [status] nvarchar(16) NULL,
    [service_name] nvarchar(100) NULL,
    [dyno] nvarchar(100) NULL,
    [attributes] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);
