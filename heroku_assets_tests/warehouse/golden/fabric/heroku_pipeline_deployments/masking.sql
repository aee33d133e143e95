ALTER TABLE [dbo].[heroku_pipeline_deployments] ALTER COLUMN [user_email] ADD MASKED WITH (FUNCTION = 'email()');
