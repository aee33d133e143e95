ALTER TABLE [dbo].[heroku_enterprise_account_members] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
