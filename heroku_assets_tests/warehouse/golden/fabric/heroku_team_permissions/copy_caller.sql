COPY INTO [stg].[heroku_team_permissions__0123456789ab] ([id], [name], [team_id], [type], [users], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_permissions/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
