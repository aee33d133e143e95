IF OBJECT_ID(N'[dbo].[heroku_credits]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_credits] (
    [amount] float NULL,
    [balance] float NULL,
    [created_at] datetime2(6) NULL,
    [expires_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [title] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
