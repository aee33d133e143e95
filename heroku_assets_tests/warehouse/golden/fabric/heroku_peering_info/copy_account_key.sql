COPY INTO [stg].[heroku_peering_info__0123456789ab] ([aws_account_id], [aws_region], [vpc_id], [vpc_cidr], [dyno_cidr_blocks], [unavailable_cidr_blocks], [space_cidr_blocks], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_peering_info/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')
);
