ALTER TABLE [dbo].[heroku_team_features] ALTER COLUMN [feedback_email] ADD MASKED WITH (FUNCTION = 'email()');
