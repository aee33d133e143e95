COPY INTO [stg].[heroku_team_delinquency__0123456789ab] ([scheduled_suspension_time], [scheduled_deletion_time], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_delinquency/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
