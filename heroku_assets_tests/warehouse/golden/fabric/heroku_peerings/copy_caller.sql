COPY INTO [stg].[heroku_peerings__0123456789ab] ([type], [pcx_id], [cidr_blocks], [status], [aws_vpc_id], [aws_region], [aws_account_id], [expires], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_peerings/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET'
);
