IF OBJECT_ID(N'[dbo].[heroku_team_members]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_members] (
    [created_at] datetime2(6) NULL,
    [email] nvarchar(2000) NULL,
    [federated] bit NULL,
    [id] nvarchar(36) NOT NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [role] nvarchar(12) NULL,
    [two_factor_authentication] bit NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [user_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));
