IF OBJECT_ID(N'[dbo].[heroku_space_app_access]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_space_app_access] (
    [space_name] nvarchar(30) NULL,
    [space_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [permissions] nvarchar(4000) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));
