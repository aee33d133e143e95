COPY INTO [stg].[heroku_test_runs__0123456789ab] ([actor_email], [clear_cache], [commit_branch], [commit_message], [commit_sha], [debug], [app_setup], [created_at], [dyno_size], [id], [message], [number], [organization_name], [pipeline_id], [status], [source_blob_url], [updated_at], [user_allow_tracking], [user_beta], [user_created_at], [user_email], [user_federated], [user_id], [user_identity_provider_id], [user_identity_provider_name], [user_identity_provider_team], [user_identity_provider_organization], [user_identity_provider_owner], [user_last_login], [user_name], [user_suspended_at], [user_delinquent_at], [user_two_factor_authentication], [user_updated_at], [user_verified], [user_country_of_residence], [user_default_organization_id], [user_default_organization_name], [user_default_team_id], [user_default_team_name], [warning_message], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_test_runs/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
