IF OBJECT_ID(N'[dbo].[heroku_addon_plans]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_addon_plans] (
    [addon_service_id] nvarchar(36) NULL,
    [addon_service_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [compliance] nvarchar(4000) NULL,
    [default] bit NULL,
    [description] nvarchar(2000) NULL,
    [human_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [installable_inside_private_network] bit NULL,
    [installable_outside_private_network] bit NULL,
    [name] nvarchar(2000) NULL,
    [price_cents] bigint NULL,
    [price_contract] bit NULL,
    [price_unit] nvarchar(2000) NULL,
    [space_default] bit NULL,
    [state] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [visible] bit NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
