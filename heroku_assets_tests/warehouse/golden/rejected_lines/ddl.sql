IF OBJECT_ID(N'[dbo].[rejected_lines]', N'U') IS NULL
CREATE TABLE [dbo].[rejected_lines] (
    [app] nvarchar(100) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [reason] nvarchar(200) NOT NULL,
    [raw_line] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([line_number]), CLUSTERED COLUMNSTORE INDEX);
