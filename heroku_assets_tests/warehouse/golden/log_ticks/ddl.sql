IF OBJECT_ID(N'[dbo].[log_ticks]', N'U') IS NULL
CREATE TABLE [dbo].[log_ticks] (
    [name] nvarchar(16) NOT NULL,
    [tick_id] nvarchar(64) NULL,
    [ticked_at] datetime2(6) NULL
)
WITH (DISTRIBUTION = HASH([name]), CLUSTERED INDEX ([name]));
