IF OBJECT_ID(N'[dbo].[heroku_enterprise_accounts]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_enterprise_accounts] (
    [id] varchar(144) NOT NULL,
    [created_at] datetime2(6) NULL,
    [name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [permissions] varchar(8000) NULL,
    [trial] bit NULL,
    [partner_benefits] bit NULL,
    [identity_provider_id] varchar(144) NULL,
    [identity_provider_name] varchar(8000) NULL,
    [identity_provider_owner_id] varchar(144) NULL,
    [identity_provider_owner_name] varchar(8000) NULL,
    [identity_provider_owner_type] varchar(72) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
