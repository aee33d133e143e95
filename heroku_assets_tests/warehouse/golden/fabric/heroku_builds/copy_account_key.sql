COPY INTO [stg].[heroku_builds__0123456789ab] ([app_id], [buildpacks], [created_at], [generation], [id], [output_stream_url], [source_blob_checksum], [source_blob_url], [source_blob_version], [source_blob_version_description], [release_id], [slug_id], [stack], [status], [updated_at], [user_id], [user_email], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_builds/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
