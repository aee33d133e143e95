ALTER TABLE [dbo].[heroku_allowed_addon_services] ALTER COLUMN [added_by_email] ADD MASKED WITH (FUNCTION = 'email()');
