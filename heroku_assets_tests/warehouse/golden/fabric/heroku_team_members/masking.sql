ALTER TABLE [dbo].[heroku_team_members] ALTER COLUMN [email] ADD MASKED WITH (FUNCTION = 'email()');

ALTER TABLE [dbo].[heroku_team_members] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
