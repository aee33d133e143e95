IF OBJECT_ID(N'[dbo].[heroku_peerings]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_peerings] (
    [type] varchar(64) NULL,
    [pcx_id] varchar(8000) NOT NULL,
    [cidr_blocks] varchar(8000) NULL,
    [status] varchar(72) NULL,
    [aws_vpc_id] varchar(8000) NULL,
    [aws_region] varchar(8000) NULL,
    [aws_account_id] varchar(8000) NULL,
    [expires] datetime2(6) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
