IF OBJECT_ID(N'[dbo].[heroku_enterprise_account_members]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_enterprise_account_members] (
    [enterprise_account_id] nvarchar(36) NULL,
    [enterprise_account_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [permissions] nvarchar(4000) NULL,
    [user_email] nvarchar(320) NULL,
    [user_id] nvarchar(36) NULL,
    [two_factor_authentication] bit NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));
