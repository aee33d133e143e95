COPY INTO [stg].[heroku_inbound_rulesets__0123456789ab] ([id], [space_id], [space_name], [created_at], [rules], [created_by], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_inbound_rulesets/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
