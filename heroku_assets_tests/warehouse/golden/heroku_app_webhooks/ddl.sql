IF OBJECT_ID(N'[dbo].[heroku_app_webhooks]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_app_webhooks] (
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [include] nvarchar(4000) NULL,
    [level] nvarchar(6) NULL,
    [updated_at] datetime2(6) NULL,
    [url] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
