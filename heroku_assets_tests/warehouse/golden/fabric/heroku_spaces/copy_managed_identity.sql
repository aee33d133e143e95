COPY INTO [stg].[heroku_spaces__0123456789ab] ([created_at], [id], [name], [organization_name], [team_id], [team_name], [region_id], [region_name], [shield], [state], [updated_at], [cidr], [data_cidr], [generation_id], [generation_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_spaces/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
