IF OBJECT_ID(N'[dbo].[heroku_log_drains]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_log_drains] (
    [addon_id] nvarchar(36) NULL,
    [addon_name] nvarchar(2000) NULL,
    [addon_app_id] nvarchar(36) NULL,
    [addon_app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [url] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
