IF OBJECT_ID(N'[dbo].[heroku_formation]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_formation] (
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [command] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [dyno_size_id] varchar(144) NULL,
    [dyno_size_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [quantity] bigint NULL,
    [size] varchar(8000) NULL,
    [type] varchar(512) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
