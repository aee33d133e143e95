IF OBJECT_ID(N'[dbo].[heroku_builds]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_builds] (
    [app_id] nvarchar(36) NULL,
    [buildpacks] nvarchar(4000) NULL,
    [created_at] datetime2(6) NULL,
    [generation] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [output_stream_url] nvarchar(2000) NULL,
    [source_blob_checksum] nvarchar(2000) NULL,
    [source_blob_url] nvarchar(2000) NULL,
    [source_blob_version] nvarchar(2000) NULL,
    [source_blob_version_description] nvarchar(2000) NULL,
    [release_id] nvarchar(36) NULL,
    [slug_id] nvarchar(36) NULL,
    [stack] nvarchar(2000) NULL,
    [status] nvarchar(9) NULL,
    [updated_at] datetime2(6) NULL,
    [user_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
