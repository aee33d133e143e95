IF OBJECT_ID(N'[dbo].[heroku_formation]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_formation] (
    [id] nvarchar(36) NOT NULL,
    [snapshot_at] datetime2(6) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [type] nvarchar(100) NULL,
    [quantity] int NULL,
    [size] nvarchar(32) NULL,
    [command] nvarchar(4000) NULL,
    [updated_at] datetime2(6) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [snapshot_at]));
