COPY INTO [stg].[heroku_team_monthly_usage__0123456789ab] ([addons], [connect], [data], [dynos], [id], [month], [name], [partner], [space], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_monthly_usage/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
