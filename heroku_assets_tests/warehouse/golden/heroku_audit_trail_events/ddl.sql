IF OBJECT_ID(N'[dbo].[heroku_audit_trail_events]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_audit_trail_events] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [type] nvarchar(2000) NULL,
    [action] nvarchar(2000) NULL,
    [actor_id] nvarchar(36) NULL,
    [actor_email] nvarchar(320) NULL,
    [app_id] nvarchar(36) NULL,
    [app_name] nvarchar(2000) NULL,
    [owner_id] nvarchar(36) NULL,
    [owner_email] nvarchar(320) NULL,
    [enterprise_account_id] nvarchar(36) NULL,
    [enterprise_account_name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [team_name] nvarchar(2000) NULL,
    [request_ip_address] nvarchar(2000) NULL,
    [data] nvarchar(4000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
