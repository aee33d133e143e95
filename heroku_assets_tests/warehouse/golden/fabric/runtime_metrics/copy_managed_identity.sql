COPY INTO [stg].[runtime_metrics__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [dyno], [dyno_id], [source_name], [addon], [metric], [value], [unit], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/runtime_metrics/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
