IF OBJECT_ID(N'[dbo].[heroku_spaces]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_spaces] (
    [created_at] datetime2(6) NULL,
    [id] nvarchar(36) NOT NULL,
    [name] nvarchar(2000) NULL,
    [organization_name] nvarchar(2000) NULL,
    [team_id] nvarchar(36) NULL,
    [team_name] nvarchar(2000) NULL,
    [region_id] nvarchar(36) NULL,
    [region_name] nvarchar(2000) NULL,
    [shield] bit NULL,
    [state] nvarchar(10) NULL,
    [updated_at] datetime2(6) NULL,
    [cidr] nvarchar(2000) NULL,
    [data_cidr] nvarchar(2000) NULL,
    [generation_id] nvarchar(36) NULL,
    [generation_name] nvarchar(2000) NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
