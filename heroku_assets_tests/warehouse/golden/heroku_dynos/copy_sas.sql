COPY INTO [stg].[heroku_dynos__0123456789ab] ([id], [snapshot_at], [app], [name], [type], [state], [size], [command], [release_id], [release_version], [created_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_dynos/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
