IF OBJECT_ID(N'[dbo].[heroku_team_features]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_features] (
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [doc_url] varchar(8000) NULL,
    [enabled] bit NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] varchar(8000) NULL,
    [feedback_email] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
