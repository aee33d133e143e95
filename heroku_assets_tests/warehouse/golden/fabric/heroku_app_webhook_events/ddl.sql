IF OBJECT_ID(N'[dbo].[heroku_app_webhook_events]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_app_webhook_events] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [include] varchar(8000) NULL,
    [payload_action] varchar(8000) NULL,
    [payload_actor_email] varchar(1280) NULL,
    [payload_actor_id] varchar(144) NULL,
    [payload_data] varchar(8000) NULL,
    [payload_previous_data] varchar(8000) NULL,
    [payload_resource] varchar(8000) NULL,
    [payload_version] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
