IF OBJECT_ID(N'[dbo].[heroku_enterprise_accounts]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_enterprise_accounts] (
    [id] nvarchar(36) NOT NULL,
    [created_at] datetime2(6) NULL,
    [name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [permissions] nvarchar(4000) NULL,
    [trial] bit NULL,
    [partner_benefits] bit NULL,
    [identity_provider_id] nvarchar(36) NULL,
    [identity_provider_name] nvarchar(2000) NULL,
    [identity_provider_owner_id] nvarchar(36) NULL,
    [identity_provider_owner_name] nvarchar(2000) NULL,
    [identity_provider_owner_type] nvarchar(18) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
