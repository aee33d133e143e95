IF OBJECT_ID(N'[dbo].[heroku_invoices]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_invoices] (
    [charges_total] float NULL,
    [created_at] datetime2(6) NULL,
    [credits_total] float NULL,
    [id] nvarchar(36) NOT NULL,
    [number] bigint NULL,
    [period_end] nvarchar(2000) NULL,
    [period_start] nvarchar(2000) NULL,
    [state] bigint NULL,
    [total] float NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
