-- params: ['run1', 'rebuild:run1', 'my-app', '2026-11-20', 42, 0, 'rebuild', '2026-11-20T06:00:00']
INSERT INTO [dbo].[log_ledger] ([tick_id], [object_key], [app], [event_date], [lines], [duplicate_lines], [kind], [loaded_at])
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
OPTION (LABEL = 'heroku-assets:rebuild:my-app:2026-11-20');
