ALTER TABLE [dbo].[heroku_test_runs] ALTER COLUMN [actor_email] ADD MASKED WITH (FUNCTION = 'email()');

ALTER TABLE [dbo].[heroku_test_runs] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
