COPY INTO [stg].[heroku_domains__0123456789ab] ([acm_status], [acm_status_reason], [app_name], [app_id], [cname], [created_at], [hostname], [id], [kind], [updated_at], [status], [sni_endpoint_name], [sni_endpoint_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_domains/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
