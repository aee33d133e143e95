IF OBJECT_ID(N'[dbo].[runtime_metrics]', N'U') IS NULL
CREATE TABLE [dbo].[runtime_metrics] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [dyno] varchar(400) NULL,
    [dyno_id] varchar(800) NULL,
    [source_name] varchar(400) NULL,
    [addon] varchar(800) NULL,
    [metric] varchar(400) NULL,
    [value] float NULL,
    [unit] varchar(64) NULL,
    [extra] varchar(8000) NULL
);
