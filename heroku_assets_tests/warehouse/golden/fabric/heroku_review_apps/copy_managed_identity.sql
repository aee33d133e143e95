COPY INTO [stg].[heroku_review_apps__0123456789ab] ([app_id], [app_setup_id], [branch], [created_at], [id], [pipeline_id], [status], [updated_at], [creator], [wait_for_ci], [error_status], [message], [fork_repo_id], [pr_number], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_review_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
