COPY INTO [stg].[heroku_enterprise_account_members__0123456789ab] ([enterprise_account_id], [enterprise_account_name], [id], [permissions], [user_email], [user_id], [two_factor_authentication], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_enterprise_account_members/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
