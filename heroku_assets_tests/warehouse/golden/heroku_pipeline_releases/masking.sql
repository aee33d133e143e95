ALTER TABLE [dbo].[heroku_pipeline_releases] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
