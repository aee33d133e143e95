IF OBJECT_ID(N'[dbo].[heroku_enterprise_account_members]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_enterprise_account_members] (
    [enterprise_account_id] varchar(144) NULL,
    [enterprise_account_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [permissions] varchar(8000) NULL,
    [user_email] varchar(1280) NULL,
    [user_id] varchar(144) NULL,
    [two_factor_authentication] bit NULL,
    [identity_provider_id] varchar(144) NULL,
    [identity_provider_name] varchar(8000) NULL,
    [identity_provider_redacted] bit NULL,
    [identity_provider_owner_id] varchar(144) NULL,
    [identity_provider_owner_name] varchar(8000) NULL,
    [identity_provider_owner_type] varchar(72) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
