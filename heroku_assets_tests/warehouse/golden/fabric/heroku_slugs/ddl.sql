IF OBJECT_ID(N'[dbo].[heroku_slugs]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_slugs] (
    [blob_method] varchar(8000) NULL,
    [blob_url] varchar(8000) NULL,
    [buildpack_provided_description] varchar(8000) NULL,
    [checksum] varchar(8000) NULL,
    [commit] varchar(8000) NULL,
    [commit_description] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [process_types] varchar(8000) NULL,
    [size] bigint NULL,
    [stack_id] varchar(144) NULL,
    [stack_name] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
