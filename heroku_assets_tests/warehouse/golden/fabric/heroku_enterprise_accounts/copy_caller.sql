COPY INTO [stg].[heroku_enterprise_accounts__0123456789ab] ([id], [created_at], [name], [updated_at], [permissions], [trial], [partner_benefits], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_enterprise_accounts/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
