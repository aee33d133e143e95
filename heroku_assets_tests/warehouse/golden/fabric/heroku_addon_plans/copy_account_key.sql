COPY INTO [stg].[heroku_addon_plans__0123456789ab] ([addon_service_id], [addon_service_name], [created_at], [compliance], [default], [description], [human_name], [id], [installable_inside_private_network], [installable_outside_private_network], [name], [price_cents], [price_contract], [price_unit], [space_default], [state], [updated_at], [visible], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_addon_plans/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
