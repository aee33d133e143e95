IF OBJECT_ID(N'[dbo].[heroku_apps]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_apps] (
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(100) NOT NULL,
    [generation] nvarchar(16) NULL,
    [region] nvarchar(32) NULL,
    [stack] nvarchar(32) NULL,
    [owner_email] nvarchar(320) NULL,
    [web_url] nvarchar(400) NULL,
    [created_at] datetime2(6) NULL,
    [released_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
