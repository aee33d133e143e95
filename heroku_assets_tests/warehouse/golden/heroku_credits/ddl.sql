IF OBJECT_ID(N'[dbo].[heroku_credits]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_credits] (
    [amount] float NULL,
    [balance] float NULL,
    [created_at] datetime2(6) NULL,
    [expires_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [title] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
