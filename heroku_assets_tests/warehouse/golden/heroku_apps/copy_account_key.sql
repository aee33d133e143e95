COPY INTO [stg].[heroku_apps__0123456789ab] ([id], [name], [generation], [region], [stack], [owner_email], [web_url], [created_at], [released_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
