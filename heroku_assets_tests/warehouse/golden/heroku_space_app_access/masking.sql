IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_space_app_access]') AND name = N'user_email')
ALTER TABLE [dbo].[heroku_space_app_access] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
