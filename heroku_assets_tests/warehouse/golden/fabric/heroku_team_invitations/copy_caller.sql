COPY INTO [stg].[heroku_team_invitations__0123456789ab] ([created_at], [id], [invited_by_email], [invited_by_id], [invited_by_name], [team_id], [team_name], [role], [updated_at], [user_email], [user_id], [user_name], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_invitations/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
