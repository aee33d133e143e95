COPY INTO [stg].[heroku_app_webhook_events__0123456789ab] ([created_at], [id], [include], [payload_action], [payload_actor_email], [payload_actor_id], [payload_data], [payload_previous_data], [payload_resource], [payload_version], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_app_webhook_events/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
