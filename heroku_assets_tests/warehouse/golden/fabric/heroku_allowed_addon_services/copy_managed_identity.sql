COPY INTO [stg].[heroku_allowed_addon_services__0123456789ab] ([added_at], [added_by_email], [added_by_id], [addon_service_id], [addon_service_name], [addon_service_human_name], [id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_allowed_addon_services/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
