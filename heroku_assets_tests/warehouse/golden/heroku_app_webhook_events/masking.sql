ALTER TABLE [dbo].[heroku_app_webhook_events] ALTER COLUMN [payload_actor_email] ADD MASKED WITH (FUNCTION = 'email()');
