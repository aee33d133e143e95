IF OBJECT_ID(N'[dbo].[heroku_error_codes]', N'U') IS NULL
CREATE TABLE [dbo].[heroku_error_codes] (
    [code] varchar(32) NOT NULL,
    [family] varchar(64) NOT NULL,
    [meaning] varchar(800) NOT NULL
);
