COPY INTO [stg].[heroku_app_transfers__0123456789ab] ([app_name], [app_id], [created_at], [id], [owner_email], [owner_id], [recipient_email], [recipient_id], [state], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_app_transfers/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
