IF OBJECT_ID(N'[dbo].[platform_events]', N'U') IS NULL
CREATE TABLE [dbo].[platform_events] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] varchar(64) NULL,
    [dyno] varchar(400) NULL,
    [process_type] varchar(400) NULL,
    [event_type] varchar(128) NULL,
    [code] varchar(32) NULL,
    [from_state] varchar(128) NULL,
    [to_state] varchar(128) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] varchar(1280) NULL,
    [message] varchar(8000) NULL,
    [extra] varchar(8000) NULL
);
