IF OBJECT_ID(N'[dbo].[app_events]', N'U') IS NULL
CREATE TABLE [dbo].[app_events] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [source] nvarchar(16) NULL,
    [dyno] nvarchar(100) NULL,
    [process_type] nvarchar(100) NULL,
    [message] nvarchar(4000) NULL,
    [extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);
