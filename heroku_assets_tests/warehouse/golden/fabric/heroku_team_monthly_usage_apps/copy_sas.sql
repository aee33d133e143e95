COPY INTO [stg].[heroku_team_monthly_usage_apps__0123456789ab] ([id], [month], [addons], [app_name], [data], [dynos], [partner], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_monthly_usage_apps/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
