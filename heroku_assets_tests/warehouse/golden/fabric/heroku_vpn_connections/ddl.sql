IF OBJECT_ID(N'[dbo].[heroku_vpn_connections]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_vpn_connections] (
    [id] varchar(8000) NOT NULL,
    [name] varchar(8000) NULL,
    [public_ip] varchar(8000) NULL,
    [routable_cidrs] varchar(8000) NULL,
    [space_cidr_block] varchar(8000) NULL,
    [tunnels] varchar(8000) NULL,
    [ike_version] bigint NULL,
    [status] varchar(56) NULL,
    [status_message] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
