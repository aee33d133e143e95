IF OBJECT_ID(N'[dbo].[heroku_audit_trail_events]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_audit_trail_events] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [type] varchar(8000) NULL,
    [action] varchar(8000) NULL,
    [actor_id] varchar(144) NULL,
    [actor_email] varchar(1280) NULL,
    [app_id] varchar(144) NULL,
    [app_name] varchar(8000) NULL,
    [owner_id] varchar(144) NULL,
    [owner_email] varchar(1280) NULL,
    [enterprise_account_id] varchar(144) NULL,
    [enterprise_account_name] varchar(8000) NULL,
    [team_id] varchar(144) NULL,
    [team_name] varchar(8000) NULL,
    [request_ip_address] varchar(8000) NULL,
    [data] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
