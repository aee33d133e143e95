COPY INTO [stg].[heroku_enterprise_account_daily_usage__0123456789ab] ([addons], [data], [date], [dynos], [id], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_enterprise_account_daily_usage/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
