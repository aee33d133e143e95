IF OBJECT_ID(N'[dbo].[heroku_builds]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_builds] (
    [app_id] varchar(144) NULL,
    [buildpacks] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [generation] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [output_stream_url] varchar(8000) NULL,
    [source_blob_checksum] varchar(8000) NULL,
    [source_blob_url] varchar(8000) NULL,
    [source_blob_version] varchar(8000) NULL,
    [source_blob_version_description] varchar(8000) NULL,
    [release_id] varchar(144) NULL,
    [slug_id] varchar(144) NULL,
    [stack] varchar(8000) NULL,
    [status] varchar(36) NULL,
    [updated_at] datetime2(6) NULL,
    [user_id] varchar(144) NULL,
    [user_email] varchar(1280) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
