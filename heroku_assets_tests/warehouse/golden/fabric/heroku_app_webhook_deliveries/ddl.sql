IF OBJECT_ID(N'[dbo].[heroku_app_webhook_deliveries]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_app_webhook_deliveries] (
    [created_at] datetime2(6) NULL,
    [event_id] varchar(144) NULL,
    [event_include] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [num_attempts] bigint NULL,
    [next_attempt_at] datetime2(6) NULL,
    [last_attempt_id] varchar(144) NULL,
    [last_attempt_code] bigint NULL,
    [last_attempt_error_class] varchar(8000) NULL,
    [last_attempt_status] varchar(36) NULL,
    [last_attempt_created_at] datetime2(6) NULL,
    [last_attempt_updated_at] datetime2(6) NULL,
    [status] varchar(36) NULL,
    [updated_at] datetime2(6) NULL,
    [webhook_id] varchar(144) NULL,
    [webhook_level] varchar(24) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
