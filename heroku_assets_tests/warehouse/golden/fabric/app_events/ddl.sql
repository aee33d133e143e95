IF OBJECT_ID(N'[dbo].[app_events]', N'U') IS NULL
CREATE TABLE [dbo].[app_events] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] varchar(64) NULL,
    [dyno] varchar(400) NULL,
    [process_type] varchar(400) NULL,
    [message] varchar(8000) NULL,
    [extra] varchar(8000) NULL
);
