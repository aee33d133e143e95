IF OBJECT_ID(N'[dbo].[heroku_oci_images]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_oci_images] (
    [id] nvarchar(36) NOT NULL,
    [base_image_name] nvarchar(2000) NULL,
    [base_top_layer] nvarchar(2000) NULL,
    [commit] nvarchar(2000) NULL,
    [commit_description] nvarchar(2000) NULL,
    [image_repo] nvarchar(2000) NULL,
    [digest] nvarchar(2000) NULL,
    [stack_id] nvarchar(36) NULL,
    [stack_name] nvarchar(2000) NULL,
    [process_types] nvarchar(4000) NULL,
    [buildpacks] nvarchar(4000) NULL,
    [created_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL,
    [architecture] nvarchar(2000) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
