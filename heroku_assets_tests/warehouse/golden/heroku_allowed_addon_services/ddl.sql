IF OBJECT_ID(N'[dbo].[heroku_allowed_addon_services]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_allowed_addon_services] (
    [added_at] datetime2(6) NULL,
    [added_by_email] nvarchar(320) NULL,
    [added_by_id] nvarchar(36) NULL,
    [addon_service_id] nvarchar(36) NULL,
    [addon_service_name] nvarchar(2000) NULL,
    [addon_service_human_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));
