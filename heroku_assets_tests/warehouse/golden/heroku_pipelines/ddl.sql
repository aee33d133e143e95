IF OBJECT_ID(N'[dbo].[heroku_pipelines]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_pipelines] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(30) NULL,
    [owner_id] nvarchar(36) NULL,
    [owner_type] nvarchar(4) NULL,
    [updated_at] datetime2(6) NULL,
    [generation_id] nvarchar(36) NULL,
    [generation_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
