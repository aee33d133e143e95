IF OBJECT_ID(N'[dbo].[log_ledger]', N'U') IS NULL
CREATE TABLE [dbo].[log_ledger] (
    [tick_id] varchar(256) NOT NULL,
    [object_key] varchar(1600) NOT NULL,
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [lines] bigint NOT NULL,
    [duplicate_lines] bigint NOT NULL,
    [kind] varchar(64) NOT NULL,
    [loaded_at] datetime2(6) NOT NULL
);
