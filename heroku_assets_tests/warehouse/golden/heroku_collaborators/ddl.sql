IF OBJECT_ID(N'[dbo].[heroku_collaborators]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_collaborators] (
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [permissions] nvarchar(4000) NULL,
    [role] nvarchar(12) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_federated] bit NULL,
    [user_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
