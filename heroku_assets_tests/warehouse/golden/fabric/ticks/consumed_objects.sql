-- params: ['tick', '2026-11-20T00:00:00']
SELECT DISTINCT [object_key]
FROM [dbo].[log_ledger]
WHERE [kind] = ? AND [loaded_at] >= ?
OPTION (LABEL = 'heroku-assets:ledger:consumed');
