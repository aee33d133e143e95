IF OBJECT_ID(N'[dbo].[heroku_releases]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_releases] (
    [id] nvarchar(36) NOT NULL,
    [app] nvarchar(100) NOT NULL,
    [version] int NULL,
    [status] nvarchar(16) NULL,
    [current] bit NULL,
    [description] nvarchar(4000) NULL,
    [user_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [slug_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
