IF OBJECT_ID(N'[dbo].[platform_events]', N'U') IS NULL
CREATE TABLE [dbo].[platform_events] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] nvarchar(16) NULL,
    [dyno] nvarchar(100) NULL,
    [process_type] nvarchar(100) NULL,
    [event_type] nvarchar(32) NULL,
    [code] nvarchar(8) NULL,
    [from_state] nvarchar(32) NULL,
    [to_state] nvarchar(32) NULL,
    [exit_status] int NULL,
    [release_version] int NULL,
    [actor] nvarchar(320) NULL,
    [message] nvarchar(4000) NULL,
    [extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);
