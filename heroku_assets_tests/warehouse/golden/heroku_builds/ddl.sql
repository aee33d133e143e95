IF OBJECT_ID(N'[dbo].[heroku_builds]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_builds] (
    [id] nvarchar(36) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [status] nvarchar(16) NULL,
    [stack] nvarchar(32) NULL,
    [source_version] nvarchar(200) NULL,
    [release_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [created_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
