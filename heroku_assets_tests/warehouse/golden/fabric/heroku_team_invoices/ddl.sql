IF OBJECT_ID(N'[dbo].[heroku_team_invoices]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_team_invoices] (
    [addons_total] bigint NULL,
    [database_total] bigint NULL,
    [charges_total] bigint NULL,
    [created_at] datetime2(6) NULL,
    [credits_total] bigint NULL,
    [dyno_units] float NULL,
    [id] varchar(144) NOT NULL,
    [number] bigint NULL,
    [payment_status] varchar(8000) NULL,
    [period_end] varchar(8000) NULL,
    [period_start] varchar(8000) NULL,
    [platform_total] bigint NULL,
    [state] bigint NULL,
    [total] bigint NULL,
    [updated_at] datetime2(6) NULL,
    [weighted_dyno_hours] float NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
