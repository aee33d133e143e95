COPY INTO [stg].[heroku_dynos__0123456789ab] ([command], [created_at], [id], [name], [release_id], [release_version], [app_name], [app_id], [size], [state], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_dynos/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
