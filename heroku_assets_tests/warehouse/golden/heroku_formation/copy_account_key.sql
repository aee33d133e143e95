COPY INTO [stg].[heroku_formation__0123456789ab] ([id], [snapshot_at], [app], [type], [quantity], [size], [command], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_formation/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
