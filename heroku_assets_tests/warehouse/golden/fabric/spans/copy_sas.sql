COPY INTO [stg].[spans__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [trace_id], [span_id], [parent_span_id], [name], [kind], [start_ts], [end_ts], [duration_ms], [status], [service_name], [dyno], [attributes])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/spans/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')
);
