IF OBJECT_ID(N'[dbo].[heroku_inbound_rulesets]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_inbound_rulesets] (
    [id] nvarchar(36) NOT NULL,
    [space_id] nvarchar(36) NULL,
    [space_name] nvarchar(2000) NULL,
    [created_at] datetime2(6) NULL,
    [rules] nvarchar(4000) NULL,
    [created_by] nvarchar(320) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
