COPY INTO [stg].[heroku_addons__0123456789ab] ([actions], [addon_service_id], [addon_service_name], [billing_entity_id], [billing_entity_name], [billing_entity_type], [app_id], [app_name], [billed_price_cents], [billed_price_contract], [billed_price_unit], [created_at], [id], [name], [plan_id], [plan_name], [provider_id], [provision_message], [state], [updated_at], [web_url], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_addons/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
