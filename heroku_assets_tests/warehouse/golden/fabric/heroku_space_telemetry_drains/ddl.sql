IF OBJECT_ID(N'[dbo].[heroku_space_telemetry_drains]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_space_telemetry_drains] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [owner_id] varchar(144) NULL,
    [owner_type] varchar(20) NULL,
    [signals] varchar(8000) NULL,
    [exporter_type] varchar(32) NULL,
    [exporter_endpoint] varchar(4000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
