IF OBJECT_ID(N'[dbo].[heroku_pipelines]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_pipelines] (
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [name] varchar(120) NULL,
    [owner_id] varchar(144) NULL,
    [owner_type] varchar(16) NULL,
    [updated_at] datetime2(6) NULL,
    [generation_id] varchar(144) NULL,
    [generation_name] varchar(8000) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
