COPY INTO [stg].[heroku_team_features__0123456789ab] ([created_at], [description], [doc_url], [enabled], [id], [name], [state], [updated_at], [display_name], [feedback_email], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_features/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
