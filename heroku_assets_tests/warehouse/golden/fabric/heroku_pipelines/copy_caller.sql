COPY INTO [stg].[heroku_pipelines__0123456789ab] ([created_at], [id], [name], [owner_id], [owner_type], [updated_at], [generation_id], [generation_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_pipelines/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
