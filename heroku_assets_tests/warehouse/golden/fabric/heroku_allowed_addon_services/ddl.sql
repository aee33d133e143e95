IF OBJECT_ID(N'[dbo].[heroku_allowed_addon_services]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_allowed_addon_services] (
    [added_at] datetime2(6) NULL,
    [added_by_email] varchar(1280) NULL,
    [added_by_id] varchar(144) NULL,
    [addon_service_id] varchar(144) NULL,
    [addon_service_name] varchar(8000) NULL,
    [addon_service_human_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
