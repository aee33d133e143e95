ALTER TABLE [dbo].[heroku_collaborators] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
