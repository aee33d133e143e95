-- params: ['ticks', 'ticks']
INSERT INTO [dbo].[log_ticks] ([name], [tick_id], [ticked_at])
SELECT ?, NULL, NULL
WHERE NOT EXISTS (SELECT 1 FROM [dbo].[log_ticks] WHERE [name] = ?);
