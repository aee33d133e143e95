IF OBJECT_ID(N'[dbo].[heroku_team_daily_usage]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_daily_usage] (
    [addons] float NULL,
    [data] float NULL,
    [date] date NOT NULL,
    [dynos] float NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [partner] float NULL,
    [space] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
