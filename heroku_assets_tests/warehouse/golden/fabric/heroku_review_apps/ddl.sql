IF OBJECT_ID(N'[dbo].[heroku_review_apps]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_review_apps] (
    [app_id] varchar(144) NULL,
    [app_setup_id] varchar(144) NULL,
    [branch] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [pipeline_id] varchar(144) NULL,
    [status] varchar(32) NULL,
    [updated_at] datetime2(6) NULL,
    [creator] varchar(8000) NULL,
    [wait_for_ci] bit NULL,
    [error_status] varchar(8000) NULL,
    [message] varchar(8000) NULL,
    [fork_repo_id] bigint NULL,
    [pr_number] bigint NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
