ALTER TABLE [dbo].[heroku_team_invitations] ALTER COLUMN [invited_by_email] ADD MASKED WITH (FUNCTION = 'email()');

ALTER TABLE [dbo].[heroku_team_invitations] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
