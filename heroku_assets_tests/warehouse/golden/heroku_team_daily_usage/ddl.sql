IF OBJECT_ID(N'[dbo].[heroku_team_daily_usage]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_daily_usage] (
    [addons] float NULL,
    [data] float NULL,
    [date] date NOT NULL,
    [dynos] float NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id], [date]));
