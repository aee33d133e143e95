COPY INTO [stg].[heroku_sni_endpoints__0123456789ab] ([certificate_chain], [created_at], [id], [name], [updated_at], [display_name], [domains], [app_id], [app_name], [ssl_cert_ca_signed], [ssl_cert_cert_domains], [ssl_cert_expires_at], [ssl_cert_issuer], [ssl_cert_self_signed], [ssl_cert_starts_at], [ssl_cert_subject], [ssl_cert_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_sni_endpoints/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
