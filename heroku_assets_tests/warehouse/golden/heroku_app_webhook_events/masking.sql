IF NOT EXISTS (SELECT 1 FROM sys.masked_columns WHERE object_id = OBJECT_ID(N'[dbo].[heroku_app_webhook_events]') AND name = N'payload_actor_email')
ALTER TABLE [dbo].[heroku_app_webhook_events] ALTER COLUMN [payload_actor_email] ADD MASKED WITH (FUNCTION = 'email()');
