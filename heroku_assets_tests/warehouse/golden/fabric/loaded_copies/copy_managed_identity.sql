COPY INTO [stg].[loaded_copies__0123456789ab] ([copy_name], [app], [received_at], [tick_id])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/loaded_copies/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
