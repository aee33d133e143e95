IF OBJECT_ID(N'[dbo].[heroku_addon_services]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_addon_services] (
    [cli_plugin_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [human_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [state] nvarchar(8) NULL,
    [supports_multiple_installations] bit NULL,
    [supports_sharing] bit NULL,
    [updated_at] datetime2(6) NULL,
    [supported_generations] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
