IF OBJECT_ID(N'[dbo].[heroku_domains]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_domains] (
    [acm_status] varchar(8000) NULL,
    [acm_status_reason] varchar(8000) NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [cname] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [hostname] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [kind] varchar(24) NULL,
    [updated_at] datetime2(6) NULL,
    [status] varchar(8000) NULL,
    [sni_endpoint_name] varchar(120) NULL,
    [sni_endpoint_id] varchar(144) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
