COPY INTO [stg].[heroku_teams__0123456789ab] ([id], [created_at], [credit_card_collections], [default], [enterprise_account_id], [enterprise_account_name], [identity_provider_id], [identity_provider_name], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [membership_limit], [name], [provisioned_licenses], [role], [type], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_teams/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
