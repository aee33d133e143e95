IF OBJECT_ID(N'[dbo].[heroku_peerings]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_peerings] (
    [type] nvarchar(16) NULL,
    [pcx_id] nvarchar(2000) NOT NULL,
    [cidr_blocks] nvarchar(4000) NULL,
    [status] nvarchar(18) NULL,
    [aws_vpc_id] nvarchar(2000) NULL,
    [aws_region] nvarchar(2000) NULL,
    [aws_account_id] nvarchar(2000) NULL,
    [expires] datetime2(6) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent], [pcx_id]));
