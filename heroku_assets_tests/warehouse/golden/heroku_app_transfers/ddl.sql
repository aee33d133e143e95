IF OBJECT_ID(N'[dbo].[heroku_app_transfers]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_app_transfers] (
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [owner_email] nvarchar(320) NULL,
    [owner_id] nvarchar(36) NULL,
    [recipient_email] nvarchar(320) NULL,
    [recipient_id] nvarchar(36) NULL,
    [state] nvarchar(8) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
