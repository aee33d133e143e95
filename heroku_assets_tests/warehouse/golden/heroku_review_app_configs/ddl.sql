IF OBJECT_ID(N'[dbo].[heroku_review_app_configs]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_review_app_configs] (
    [repo_id] bigint NULL,
    [automatic_review_apps] bit NULL,
    [deploy_target_id] nvarchar(36) NULL,
    [deploy_target_type] nvarchar(6) NULL,
    [destroy_stale_apps] bit NULL,
    [stale_days] bigint NULL,
    [pipeline_id] nvarchar(36) NULL,
    [wait_for_ci] bit NULL,
    [base_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));
