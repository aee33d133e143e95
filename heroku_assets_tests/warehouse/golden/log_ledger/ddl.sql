IF OBJECT_ID(N'[dbo].[log_ledger]', N'U') IS NULL
CREATE TABLE [dbo].[log_ledger] (
    [tick_id] nvarchar(64) NOT NULL,
    [object_key] nvarchar(400) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [lines] bigint NOT NULL,
    [duplicate_lines] bigint NOT NULL,
    [kind] nvarchar(16) NOT NULL,
    [loaded_at] datetime2(6) NOT NULL
)
WITH (DISTRIBUTION = HASH([object_key]), CLUSTERED INDEX ([object_key], [app], [event_date]));
