IF OBJECT_ID(N'[dbo].[heroku_review_apps]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_review_apps] (
    [app_id] nvarchar(36) NULL,
    [app_setup_id] nvarchar(36) NULL,
    [branch] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [pipeline_id] nvarchar(36) NULL,
    [status] nvarchar(8) NULL,
    [updated_at] datetime2(6) NULL,
    [creator] nvarchar(4000) NULL,
    [wait_for_ci] bit NULL,
    [error_status] nvarchar(2000) NULL,
    [message] nvarchar(2000) NULL,
    [fork_repo_id] bigint NULL,
    [pr_number] bigint NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
