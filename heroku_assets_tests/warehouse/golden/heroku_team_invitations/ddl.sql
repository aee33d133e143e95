IF OBJECT_ID(N'[dbo].[heroku_team_invitations]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_invitations] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [invited_by_email] nvarchar(320) NULL,
    [invited_by_id] nvarchar(36) NULL,
    [invited_by_name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [team_name] nvarchar(2000) NULL,
    [role] nvarchar(12) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [user_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
