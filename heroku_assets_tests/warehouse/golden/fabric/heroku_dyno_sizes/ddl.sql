IF OBJECT_ID(N'[dbo].[heroku_dyno_sizes]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_dyno_sizes] (
    [architecture] varchar(8000) NULL,
    [compute] bigint NULL,
    [cost] varchar(8000) NULL,
    [dedicated] bit NULL,
    [precise_dyno_units] float NULL,
    [generation_id] varchar(144) NULL,
    [generation_name] varchar(8000) NULL,
    [id] varchar(144) NOT NULL,
    [memory] float NULL,
    [name] varchar(8000) NULL,
    [private_space_only] bit NULL,
    [_parent] varchar(400) NULL,
    [_fetched_at] datetime2(6) NULL,
    [_deleted_at] datetime2(6) NULL,
    [_extra] varchar(8000) NULL
);
