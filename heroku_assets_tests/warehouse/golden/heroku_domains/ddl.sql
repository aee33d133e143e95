IF OBJECT_ID(N'[dbo].[heroku_domains]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_domains] (
    [acm_status] nvarchar(2000) NULL,
    [acm_status_reason] nvarchar(2000) NULL,
    [app_name] nvarchar(30) NULL,
    [app_id] nvarchar(36) NULL,
    [cname] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [hostname] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [kind] nvarchar(6) NULL,
    [updated_at] datetime2(6) NULL,
    [status] nvarchar(2000) NULL,
    [sni_endpoint_name] nvarchar(30) NULL,
    [sni_endpoint_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
