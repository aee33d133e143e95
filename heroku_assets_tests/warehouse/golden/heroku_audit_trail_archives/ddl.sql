IF OBJECT_ID(N'[dbo].[heroku_audit_trail_archives]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_audit_trail_archives] (
    [created_at] datetime2(6) NULL,
    [month] nvarchar(2) NOT NULL,
    [year] bigint NOT NULL,
    [url] nvarchar(2000) NULL,
    [checksum] nvarchar(2000) NULL,
    [size] bigint NULL,
    [_parent] nvarchar(100) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([_parent]), CLUSTERED INDEX ([_parent], [year], [month]));
