ALTER TABLE [dbo].[heroku_releases] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
