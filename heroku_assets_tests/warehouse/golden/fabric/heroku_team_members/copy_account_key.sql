COPY INTO [stg].[heroku_team_members__0123456789ab] ([created_at], [email], [federated], [id], [identity_provider_id], [identity_provider_name], [identity_provider_redacted], [identity_provider_owner_id], [identity_provider_owner_name], [identity_provider_owner_type], [role], [two_factor_authentication], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_members/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
