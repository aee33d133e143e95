COPY INTO [stg].[log_ledger__0123456789ab] ([tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/log_ledger/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
