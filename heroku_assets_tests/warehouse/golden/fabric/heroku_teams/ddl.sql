IF OBJECT_ID(N'[dbo].[heroku_teams]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_teams] (
    [id] varchar(144) NOT NULL,
    [created_at] datetime2(6) NULL,
    [credit_card_collections] bit NULL,
    [default] bit NULL,
    [enterprise_account_id] varchar(144) NULL,
    [enterprise_account_name] varchar(8000) NULL,
    [identity_provider_id] varchar(144) NULL,
    [identity_provider_name] varchar(8000) NULL,
    [identity_provider_owner_id] varchar(144) NULL,
    [identity_provider_owner_name] varchar(8000) NULL,
    [identity_provider_owner_type] varchar(72) NULL,
    [membership_limit] float NULL,
    [name] varchar(8000) NULL,
    [provisioned_licenses] bit NULL,
    [role] varchar(48) NULL,
    [type] varchar(40) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
