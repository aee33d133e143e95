IF OBJECT_ID(N'[dbo].[heroku_regions]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_regions] (
    [country] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [description] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [locale] nvarchar(2000) NULL,
    [name] nvarchar(2000) NULL,
    [private_capable] bit NULL,
    [provider_name] nvarchar(2000) NULL,
    [provider_region] nvarchar(14) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
