IF OBJECT_ID(N'[dbo].[heroku_audit_trail_archives]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_audit_trail_archives] (
    [created_at] datetime2(6) NULL,
    [month] varchar(8) NOT NULL,
    [year] bigint NOT NULL,
    [url] varchar(8000) NULL,
    [checksum] varchar(8000) NULL,
    [size] bigint NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
