IF OBJECT_ID(N'[dbo].[heroku_sni_endpoints]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_sni_endpoints] (
    [certificate_chain] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(120) NULL,
    [updated_at] datetime2(6) NULL,
    [display_name] varchar(120) NULL,
    [domains] varchar(8000) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(120) NULL,
    [ssl_cert_ca_signed] bit NULL,
    [ssl_cert_cert_domains] varchar(8000) NULL,
    [ssl_cert_expires_at] datetime2(6) NULL,
    [ssl_cert_issuer] varchar(8000) NULL,
    [ssl_cert_self_signed] bit NULL,
    [ssl_cert_starts_at] datetime2(6) NULL,
    [ssl_cert_subject] varchar(8000) NULL,
    [ssl_cert_id] varchar(144) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
