IF OBJECT_ID(N'[dbo].[heroku_oci_images]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_oci_images] (
    [id] varchar(144) NOT NULL,
    [base_image_name] varchar(8000) NULL,
    [base_top_layer] varchar(8000) NULL,
    [commit] varchar(8000) NULL,
    [commit_description] varchar(8000) NULL,
    [image_repo] varchar(8000) NULL,
    [digest] varchar(8000) NULL,
    [stack_id] varchar(144) NULL,
    [stack_name] varchar(8000) NULL,
    [process_types] varchar(8000) NULL,
    [buildpacks] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [updated_at] datetime2(6) NULL,
    [architecture] varchar(8000) NULL,
    [deleted_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
