COPY INTO [stg].[heroku_vpn_connections__0123456789ab] ([id], [name], [public_ip], [routable_cidrs], [space_cidr_block], [tunnels], [ike_version], [status], [status_message], [_parent], [_fetched_at], [_deleted_at], [_extra])
FROM 'https://examplestaging.blob.core.windows.net/heroku-staging/heroku_vpn_connections/snapshot=20261120T060000Z/*.parquet'
WITH (
    FILE_TYPE = 'PARQUET',
    CREDENTIAL = (IDENTITY = 'Workspace Identity')
);
