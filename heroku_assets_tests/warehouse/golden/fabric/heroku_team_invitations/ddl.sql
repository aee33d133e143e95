IF OBJECT_ID(N'[dbo].[heroku_team_invitations]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_invitations] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [invited_by_email] varchar(1280) NULL,
    [invited_by_id] varchar(144) NULL,
    [invited_by_name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [team_name] varchar(8000) NULL,
    [role] varchar(48) NULL,
    [updated_at] datetime2(6) NULL,
    [user_email] varchar(1280) NULL,
    [user_id] varchar(144) NULL,
    [user_name] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
