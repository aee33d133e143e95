IF OBJECT_ID(N'[dbo].[heroku_space_app_access]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_space_app_access] (
    [space_name] varchar(120) NULL,
    [space_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [permissions] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] varchar(1280) NULL,
    [user_id] varchar(144) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
