ALTER TABLE [dbo].[heroku_builds] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
