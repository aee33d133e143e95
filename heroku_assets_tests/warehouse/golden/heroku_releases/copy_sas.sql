COPY INTO [stg].[heroku_releases__0123456789ab] ([id], [app], [version], [status], [current], [description], [user_id], [user_email], [slug_id], [created_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_releases/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
