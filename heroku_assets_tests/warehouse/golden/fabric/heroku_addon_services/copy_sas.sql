COPY INTO [stg].[heroku_addon_services__0123456789ab] ([cli_plugin_name], [created_at], [human_name], [id], [name], [state], [supports_multiple_installations], [supports_sharing], [updated_at], [supported_generations], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_addon_services/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
