COPY INTO [stg].[heroku_space_app_access__0123456789ab] ([space_name], [space_id], [created_at], [id], [permissions], [updated_at], [user_email], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_space_app_access/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
