COPY INTO [stg].[heroku_log_drains__0123456789ab] ([addon_id], [addon_name], [addon_app_id], [addon_app_name], [app_id], [app_name], [created_at], [id], [updated_at], [url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_log_drains/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
