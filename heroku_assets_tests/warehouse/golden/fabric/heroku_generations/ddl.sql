IF OBJECT_ID(N'[dbo].[heroku_generations]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_generations] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
