IF OBJECT_ID(N'[dbo].[rejected_lines]', N'U') IS NULL
CREATE TABLE [dbo].[rejected_lines] (
    [app] varchar(400) NOT NULL,
    [event_date] date NOT NULL,
    [line_number] bigint NOT NULL,
    [event_ts] datetime2(6) NULL,
    [reason] varchar(800) NOT NULL,
    [raw_line] varchar(8000) NULL
);
