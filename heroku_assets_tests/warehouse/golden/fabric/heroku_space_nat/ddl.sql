IF OBJECT_ID(N'[dbo].[heroku_space_nat]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_space_nat] (
    [created_at] datetime2(6) NULL,
    [sources] varchar(8000) NULL,
    [state] varchar(32) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
