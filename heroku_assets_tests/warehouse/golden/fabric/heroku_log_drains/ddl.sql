IF OBJECT_ID(N'[dbo].[heroku_log_drains]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_log_drains] (
    [addon_id] varchar(144) NULL,
    [addon_name] varchar(8000) NULL,
    [addon_app_id] varchar(144) NULL,
    [addon_app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(120) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [url] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
