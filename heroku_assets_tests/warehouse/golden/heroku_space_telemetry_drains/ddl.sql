IF OBJECT_ID(N'[dbo].[heroku_space_telemetry_drains]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_space_telemetry_drains] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [owner_id] nvarchar(36) NULL,
    [owner_type] nvarchar(5) NULL,
    [signals] nvarchar(4000) NULL,
    [exporter_type] nvarchar(8) NULL,
    [exporter_endpoint] nvarchar(1000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
