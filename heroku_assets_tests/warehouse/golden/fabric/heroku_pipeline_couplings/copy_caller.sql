COPY INTO [stg].[heroku_pipeline_couplings__0123456789ab] ([app_id], [created_at], [id], [pipeline_id], [stage], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_pipeline_couplings/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
