IF OBJECT_ID(N'[dbo].[heroku_team_monthly_usage_apps]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_monthly_usage_apps] (
    [id] varchar(144) NOT NULL,
    [month] varchar(28) NOT NULL,
    [addons] float NULL,
    [app_name] varchar(120) NOT NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
