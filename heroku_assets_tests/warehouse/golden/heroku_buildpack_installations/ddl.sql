IF OBJECT_ID(N'[dbo].[heroku_buildpack_installations]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_buildpack_installations] (
    [ordinal] bigint NOT NULL,
    [buildpack_url] nvarchar(2000) NULL,
    [buildpack_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent], [ordinal]));
