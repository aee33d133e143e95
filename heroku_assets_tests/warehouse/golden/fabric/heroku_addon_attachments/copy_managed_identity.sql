COPY INTO [stg].[heroku_addon_attachments__0123456789ab] ([addon_id], [addon_name], [addon_app_id], [addon_app_name], [app_id], [app_name], [created_at], [id], [name], [namespace], [updated_at], [web_url], [log_input_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_addon_attachments/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
