IF OBJECT_ID(N'[dbo].[heroku_invoices]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_invoices] (
    [charges_total] float NULL,
    [created_at] datetime2(6) NULL,
    [credits_total] float NULL,
    [id] varchar(144) NOT NULL,
    [number] bigint NULL,
    [period_end] varchar(8000) NULL,
    [period_start] varchar(8000) NULL,
    [state] bigint NULL,
    [total] float NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
