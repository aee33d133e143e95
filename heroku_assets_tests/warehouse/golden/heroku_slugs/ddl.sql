IF OBJECT_ID(N'[dbo].[heroku_slugs]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_slugs] (
    [blob_method] nvarchar(2000) NULL,
    [blob_url] nvarchar(2000) NULL,
    [buildpack_provided_description] nvarchar(2000) NULL,
    [checksum] nvarchar(2000) NULL,
    [commit] nvarchar(2000) NULL,
    [commit_description] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [process_types] nvarchar(4000) NULL,
    [size] bigint NULL,
    [stack_id] nvarchar(36) NULL,
    [stack_name] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
