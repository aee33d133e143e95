COPY INTO [stg].[heroku_builds__0123456789ab] ([id], [app], [status], [stack], [source_version], [release_id], [user_email], [created_at], [updated_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_builds/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
