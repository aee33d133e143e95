IF OBJECT_ID(N'[dbo].[heroku_dynos]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_dynos] (
    [id] nvarchar(36) NOT NULL,
    [snapshot_at] datetime2(6) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [name] nvarchar(100) NULL,
    [type] nvarchar(100) NULL,
    [state] nvarchar(16) NULL,
    [size] nvarchar(32) NULL,
    [command] nvarchar(4000) NULL,
    [release_id] nvarchar(36) NULL,
    [release_version] int NULL,
    [created_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [snapshot_at]));
