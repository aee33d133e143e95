IF OBJECT_ID(N'[dbo].[heroku_space_topology]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_space_topology] (
    [version] bigint NULL,
    [apps] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
