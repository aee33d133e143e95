COPY INTO [stg].[heroku_dyno_sizes__0123456789ab] ([architecture], [compute], [cost], [dedicated], [precise_dyno_units], [generation_id], [generation_name], [id], [memory], [name], [private_space_only], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_dyno_sizes/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
