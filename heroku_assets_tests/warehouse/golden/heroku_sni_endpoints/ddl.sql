IF OBJECT_ID(N'[dbo].[heroku_sni_endpoints]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_sni_endpoints] (
    [certificate_chain] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(30) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] nvarchar(30) NULL,
    [domains] nvarchar(4000) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(30) NULL,
    [ssl_cert_ca_signed] bit NULL,
    [ssl_cert_cert_domains] nvarchar(4000) NULL,
    [ssl_cert_expires_at] datetime2(6) NULL,
    [ssl_cert_issuer] nvarchar(2000) NULL,
    [ssl_cert_self_signed] bit NULL,
    [ssl_cert_starts_at] datetime2(6) NULL,
    [ssl_cert_subject] nvarchar(2000) NULL,
    [ssl_cert_id] nvarchar(36) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
