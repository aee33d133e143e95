IF OBJECT_ID(N'[dbo].[heroku_pipeline_couplings]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_pipeline_couplings] (
    [app_id] varchar(144) NULL,
    [created_at] datetime2(6) NULL,
    [id] varchar(144) NOT NULL,
    [pipeline_id] varchar(144) NULL,
    [stage] varchar(44) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
