ALTER TABLE [dbo].[heroku_team_apps] ALTER COLUMN [owner_email] ADD MASKED WITH (FUNCTION = 'email()');
