IF OBJECT_ID(N'[dbo].[heroku_formation]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_formation] (
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [command] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [dyno_size_id] nvarchar(36) NULL,
    [dyno_size_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [quantity] bigint NULL,
    [size] nvarchar(2000) NULL,
    [type] nvarchar(128) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
