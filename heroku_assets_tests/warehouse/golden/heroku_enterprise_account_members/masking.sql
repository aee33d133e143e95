IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_enterprise_account_members]') AND name = N'user_email')
ALTER TABLE [dbo].[heroku_enterprise_account_members] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
