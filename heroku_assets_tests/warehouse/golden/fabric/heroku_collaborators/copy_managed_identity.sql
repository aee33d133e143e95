COPY INTO [stg].[heroku_collaborators__0123456789ab] ([app_name], [app_id], [created_at], [id], [permissions], [role], [updated_at], [user_email], [user_federated], [user_id], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_collaborators/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
