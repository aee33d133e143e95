IF OBJECT_ID(N'[dbo].[loaded_copies]', N'U') IS NULL
CREATE TABLE [dbo].[loaded_copies] (
    [copy_name] varchar(400) NOT NULL,
    [app] varchar(400) NOT NULL,
    [received_at] datetime2(6) NOT NULL,
    [tick_id] varchar(256) NOT NULL
);
