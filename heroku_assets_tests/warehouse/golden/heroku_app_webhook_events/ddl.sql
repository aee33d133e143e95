IF OBJECT_ID(N'[dbo].[heroku_app_webhook_events]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_app_webhook_events] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [include] nvarchar(2000) NULL,
    [payload_action] nvarchar(2000) NULL,
    [payload_actor_email] nvarchar(320) NULL,
    [payload_actor_id] nvarchar(36) NULL,
    [payload_data] nvarchar(4000) NULL,
    [payload_previous_data] nvarchar(4000) NULL,
    [payload_resource] nvarchar(2000) NULL,
    [payload_version] nvarchar(2000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
