IF OBJECT_ID(N'[dbo].[heroku_error_codes]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_error_codes] (
    [code] nvarchar(8) NOT NULL,
    [family] nvarchar(16) NOT NULL,
    [meaning] nvarchar(200) NOT NULL
)
WITH (DISTRIBUTION = HASH([code]), CLUSTERED INDEX ([code]));
