IF OBJECT_ID(N'[dbo].[heroku_peering_info]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_peering_info] (
    [aws_account_id] varchar(8000) NULL,
    [aws_region] varchar(56) NULL,
    [vpc_id] varchar(8000) NULL,
    [vpc_cidr] varchar(8000) NULL,
    [dyno_cidr_blocks] varchar(8000) NULL,
    [unavailable_cidr_blocks] varchar(8000) NULL,
    [space_cidr_blocks] varchar(8000) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
