IF OBJECT_ID(N'[dbo].[heroku_teams]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_teams] (
    [id] nvarchar(36) NOT NULL,
    [created_at] datetime2(6) NULL,
    [credit_card_collections] bit NULL,
    [default] bit NULL,
    [enterprise_account_id] nvarchar(36) NULL,
    [enterprise_account_name] nvarchar(2000) NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [membership_limit] float NULL,
    [name] nvarchar(2000) NULL,
    [provisioned_licenses] bit NULL,
    [role] nvarchar(12) NULL,
    [type] nvarchar(10) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
