IF OBJECT_ID(N'[dbo].[heroku_addon_services]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_addon_services] (
    [cli_plugin_name] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [human_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(32) NULL,
    [supports_multiple_installations] bit NULL,
    [supports_sharing] bit NULL,
    [updated_at] datetime2(6) NULL,
    [supported_generations] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
