IF OBJECT_ID(N'[dbo].[heroku_review_app_configs]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_review_app_configs] (
    [repo_id] bigint NULL,
    [automatic_review_apps] bit NULL,
    [deploy_target_id] varchar(144) NULL,
    [deploy_target_type] varchar(24) NULL,
    [destroy_stale_apps] bit NULL,
    [stale_days] bigint NULL,
    [pipeline_id] varchar(144) NULL,
    [wait_for_ci] bit NULL,
    [base_name] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
