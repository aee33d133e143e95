COPY INTO [stg].[log_ticks__0123456789ab] ([name], [tick_id], [ticked_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/log_ticks/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
