COPY INTO [stg].[heroku_audit_trail_events__0123456789ab] ([created_at], [id], [type], [action], [actor_id], [actor_email], [app_id], [app_name], [owner_id], [owner_email], [enterprise_account_id], [enterprise_account_name], [team_id], [team_name], [request_ip_address], [data], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_audit_trail_events/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
