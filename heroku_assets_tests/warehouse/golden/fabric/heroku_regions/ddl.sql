IF OBJECT_ID(N'[dbo].[heroku_regions]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_regions] (
    [country] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [description] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [locale] varchar(8000) NULL,
    [name] varchar(8000) NULL,
    [private_capable] bit NULL,
    [provider_name] varchar(8000) NULL,
    [provider_region] varchar(56) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
