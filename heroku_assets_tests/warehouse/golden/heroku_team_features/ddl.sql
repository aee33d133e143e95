IF OBJECT_ID(N'[dbo].[heroku_team_features]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_features] (
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [doc_url] nvarchar(2000) NULL,
    [enabled] bit NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [state] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] nvarchar(2000) NULL,
    [feedback_email] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));
