COPY INTO [stg].[heroku_formation__0123456789ab] ([app_name], [app_id], [command], [created_at], [dyno_size_id], [dyno_size_name], [id], [quantity], [size], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_formation/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
