IF OBJECT_ID(N'[dbo].[heroku_pipeline_releases]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_pipeline_releases] (
    [addon_plan_names] nvarchar(4000) NULL,
    [artifacts] nvarchar(4000) NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] nvarchar(36) NULL,
    [status] nvarchar(9) NULL,
    [user_id] nvarchar(36) NULL,
    [user_email] nvarchar(320) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] nvarchar(2000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([_parent], [id]));
