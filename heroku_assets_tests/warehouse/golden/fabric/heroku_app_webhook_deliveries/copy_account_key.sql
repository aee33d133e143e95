COPY INTO [stg].[heroku_app_webhook_deliveries__0123456789ab] ([created_at], [event_id], [event_include], [id], [num_attempts], [next_attempt_at], [last_attempt_id], [last_attempt_code], [last_attempt_error_class], [last_attempt_status], [last_attempt_created_at], [last_attempt_updated_at], [status], [updated_at], [webhook_id], [webhook_level], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_app_webhook_deliveries/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
