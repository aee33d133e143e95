COPY INTO [stg].[heroku_space_telemetry_drains__0123456789ab] ([created_at], [id], [owner_id], [owner_type], [signals], [exporter_type], [exporter_endpoint], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_space_telemetry_drains/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
