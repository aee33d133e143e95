IF OBJECT_ID(N'[dbo].[heroku_buildpack_installations]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_buildpack_installations] (
    [ordinal] bigint NOT NULL,
    [buildpack_url] varchar(8000) NULL,
    [buildpack_name] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
