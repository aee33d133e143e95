COPY INTO [stg].[heroku_slugs__0123456789ab] ([blob_method], [blob_url], [buildpack_provided_description], [checksum], [commit], [commit_description], [created_at], [id], [process_types], [size], [stack_id], [stack_name], [updated_at], [deleted_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_slugs/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
