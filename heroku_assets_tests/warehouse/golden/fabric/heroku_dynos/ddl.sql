IF OBJECT_ID(N'[dbo].[heroku_dynos]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_dynos] (
    [command] varchar(8000) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(8000) NULL,
    [release_id] varchar(144) NULL,
    [release_version] bigint NULL,
    [app_name] varchar(120) NULL,
    [app_id] varchar(144) NULL,
    [size] varchar(8000) NULL,
    [state] varchar(8000) NULL,
    [type] varchar(8000) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
