COPY INTO [stg].[heroku_team_invoices__0123456789ab] ([addons_total], [database_total], [charges_total], [created_at], [credits_total], [dyno_units], [id], [number], [payment_status], [period_end], [period_start], [platform_total], [state], [total], [updated_at], [weighted_dyno_hours], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_team_invoices/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
