IF OBJECT_ID(N'[dbo].[heroku_team_daily_usage_apps]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_daily_usage_apps] (
    [id] nvarchar(36) NOT NULL,
    [date] date NOT NULL,
    [addons] float NULL,
    [app_name] nvarchar(30) NOT NULL,
    [data] float NULL,
    [dynos] float NULL,
    [partner] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [date], [app_name]));
