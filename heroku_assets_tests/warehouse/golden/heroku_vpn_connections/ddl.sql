IF OBJECT_ID(N'[dbo].[heroku_vpn_connections]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_vpn_connections] (
    [id] nvarchar(2000) NOT NULL,
    [name] nvarchar(2000) NULL,
    [public_ip] nvarchar(2000) NULL,
    [routable_cidrs] nvarchar(4000) NULL,
    [space_cidr_block] nvarchar(2000) NULL,
    [tunnels] nvarchar(4000) NULL,
    [ike_version] bigint NULL,
    [status] nvarchar(14) NULL,
    [status_message] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
