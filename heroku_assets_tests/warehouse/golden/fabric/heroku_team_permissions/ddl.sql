IF OBJECT_ID(N'[dbo].[heroku_team_permissions]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_permissions] (
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [type] varchar(20) NULL,
    [users] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
