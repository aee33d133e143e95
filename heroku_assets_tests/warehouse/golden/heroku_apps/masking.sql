IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_apps]') AND name = N'owner_email')
ALTER TABLE [dbo].[heroku_apps] ALTER COLUMN [owner_email] ADD MASKED WITH (FUNCTION = 'email()');
