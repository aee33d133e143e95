IF OBJECT_ID(N'[dbo].[heroku_pipeline_deployments]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_pipeline_deployments] (
    [addon_plan_names] varchar(8000) NULL,
    [artifacts] varchar(8000) NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [updated_at] datetime2(6) NULL,
    [slug_id] varchar(144) NULL,
    [status] varchar(36) NULL,
    [user_id] varchar(144) NULL,
    [user_email] varchar(1280) NULL,
    [version] bigint NULL,
    [current] bit NULL,
    [output_stream_url] varchar(8000) NULL,
    [eligible_for_rollback] bit NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
