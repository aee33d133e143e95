IF OBJECT_ID(N'[dbo].[heroku_stacks]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_stacks] (
    [default] bit NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
