IF OBJECT_ID(N'[dbo].[loaded_copies]', N'U') IS NULL
CREATE TABLE [dbo].[loaded_copies] (
    [copy_name] nvarchar(100) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [received_at] datetime2(6) NOT NULL,
    [tick_id] nvarchar(64) NOT NULL
)
WITH (DISTRIBUTION = HASH([copy_name]), CLUSTERED INDEX ([copy_name], [app]));
