COPY INTO [stg].[rejected_lines__20261120__0123456789ab] ([app], [event_date], [line_number], [event_ts], [reason], [raw_line])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/rejected_lines/app=my-app/date=2026-11-20/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
