IF OBJECT_ID(N'[dbo].[heroku_peering_info]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_peering_info] (
    [aws_account_id] nvarchar(2000) NULL,
    [aws_region] nvarchar(14) NULL,
    [vpc_id] nvarchar(2000) NULL,
    [vpc_cidr] nvarchar(2000) NULL,
    [dyno_cidr_blocks] nvarchar(4000) NULL,
    [unavailable_cidr_blocks] nvarchar(4000) NULL,
    [space_cidr_blocks] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent]));
