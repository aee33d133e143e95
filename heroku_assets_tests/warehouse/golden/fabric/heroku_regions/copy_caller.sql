COPY INTO [stg].[heroku_regions__0123456789ab] ([country], [created_at], [description], [id], [locale], [name], [private_capable], [provider_name], [provider_region], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_regions/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
