COPY INTO [stg].[app_events__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [source], [dyno], [process_type], [message], [extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/app_events/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
