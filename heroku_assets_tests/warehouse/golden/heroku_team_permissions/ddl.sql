IF OBJECT_ID(N'[dbo].[heroku_team_permissions]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_permissions] (
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [type] nvarchar(5) NULL,
    [users] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));
