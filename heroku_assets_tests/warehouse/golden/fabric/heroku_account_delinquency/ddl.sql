IF OBJECT_ID(N'[dbo].[heroku_account_delinquency]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_account_delinquency] (
    [scheduled_suspension_time] datetime2(6) NULL,
    [scheduled_deletion_time] datetime2(6) NULL,
    [_parent] varchar(400) NOT NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
