COPY INTO [stg].[heroku_invoices__0123456789ab] ([charges_total], [created_at], [credits_total], [id], [number], [period_end], [period_start], [state], [total], [updated_at], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_invoices/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
