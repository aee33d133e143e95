IF OBJECT_ID(N'[dbo].[heroku_addons]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_addons] (
    [actions] nvarchar(4000) NULL,
    [addon_service_id] nvarchar(36) NULL,
    [addon_service_name] nvarchar(2000) NULL,
    [billing_entity_id] nvarchar(36) NULL,
    [billing_entity_name] nvarchar(2000) NULL,
    [billing_entity_type] nvarchar(4) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [billed_price_cents] bigint NULL,
    [billed_price_contract] bit NULL,
    [billed_price_unit] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [plan_id] nvarchar(36) NULL,
    [plan_name] nvarchar(2000) NULL,
    [provider_id] nvarchar(2000) NULL,
    [provision_message] nvarchar(2000) NULL,
    [state] nvarchar(13) NULL,
    [updated_at] datetime2(6) NULL,
    [web_url] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
