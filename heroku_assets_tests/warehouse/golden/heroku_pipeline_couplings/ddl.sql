IF OBJECT_ID(N'[dbo].[heroku_pipeline_couplings]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_pipeline_couplings] (
    [app_id] nvarchar(36) NULL,
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [pipeline_id] nvarchar(36) NULL,
    [stage] nvarchar(11) NULL,
    [updated_at] datetime2(6) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
