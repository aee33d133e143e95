COPY INTO [stg].[heroku_review_app_configs__0123456789ab] ([repo_id], [automatic_review_apps], [deploy_target_id], [deploy_target_type], [destroy_stale_apps], [stale_days], [pipeline_id], [wait_for_ci], [base_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_review_app_configs/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
