IF OBJECT_ID(N'[dbo].[runtime_metrics]', N'U') IS NULL
CREATE TABLE [dbo].[runtime_metrics] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [dyno] nvarchar(100) NULL,
    [dyno_id] nvarchar(200) NULL,
    [source_name] nvarchar(100) NULL,
    [addon] nvarchar(200) NULL,
    [metric] nvarchar(100) NULL,
    [value] float NULL,
    [unit] nvarchar(16) NULL,
    [extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);
