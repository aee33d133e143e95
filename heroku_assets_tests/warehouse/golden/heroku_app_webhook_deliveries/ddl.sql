IF OBJECT_ID(N'[dbo].[heroku_app_webhook_deliveries]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_app_webhook_deliveries] (
    [created_at] datetime2(6) NULL,
    [event_id] nvarchar(36) NULL,
    [event_include] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [num_attempts] bigint NULL,
    [next_attempt_at] datetime2(6) NULL,
    [last_attempt_id] nvarchar(36) NULL,
    [last_attempt_code] bigint NULL,
    [last_attempt_error_class] nvarchar(2000) NULL,
    [last_attempt_status] nvarchar(9) NULL,
    [last_attempt_created_at] datetime2(6) NULL,
    [last_attempt_updated_at] datetime2(6) NULL,
    [status] nvarchar(9) NULL,
    [updated_at] datetime2(6) NULL,
    [webhook_id] nvarchar(36) NULL,
    [webhook_level] nvarchar(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
