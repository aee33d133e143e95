IF OBJECT_ID(N'[dbo].[heroku_dyno_sizes]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_dyno_sizes] (
    [architecture] nvarchar(2000) NULL,
    [compute] bigint NULL,
    [cost] nvarchar(4000) NULL,
    [dedicated] bit NULL,
    [precise_dyno_units] float NULL,
    [generation_id] nvarchar(36) NULL,
    [generation_name] nvarchar(2000) NULL,
    [id] nvarchar(36) NOT NULL,
    [memory] float NULL,
    [name] nvarchar(2000) NULL,
    [private_space_only] bit NULL,
    [_parent] nvarchar(100) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] nvarchar(4000) NULL
)
WITH (DISTRIBUTION = HASH([id]), CLUSTERED INDEX ([id]));
