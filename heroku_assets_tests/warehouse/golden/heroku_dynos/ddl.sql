IF OBJECT_ID(N'[dbo].[heroku_dynos]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_dynos] (
    [command] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [release_id] nvarchar(36) NULL,
    [release_version] bigint NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [size] nvarchar(2000) NULL,
    [state] nvarchar(2000) NULL,
    [type] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
