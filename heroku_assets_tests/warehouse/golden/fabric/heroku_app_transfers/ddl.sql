IF OBJECT_ID(N'[dbo].[heroku_app_transfers]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_app_transfers] (
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [owner_email] varchar(1280) NULL,
    [owner_id] varchar(144) NULL,
    [recipient_email] varchar(1280) NULL,
    [recipient_id] varchar(144) NULL,
    [state] varchar(32) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
