COPY INTO [stg].[heroku_pipeline_releases__0123456789ab] ([addon_plan_names], [artifacts], [app_name], [app_id], [created_at], [description], [id], [updated_at], [slug_id], [status], [user_id], [user_email], [version], [current], [output_stream_url], [eligible_for_rollback], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_pipeline_releases/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
