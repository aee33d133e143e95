IF OBJECT_ID(N'[dbo].[log_ticks]', N'U') IS NULL
CREATE TABLE [dbo].[log_ticks] (
    [name] varchar(64) NOT NULL,
    [tick_id] varchar(256) NULL,
    [ticked_at] datetime2(6) NULL
);
