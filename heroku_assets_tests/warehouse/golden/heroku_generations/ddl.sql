IF OBJECT_ID(N'[dbo].[heroku_generations]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_generations] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
