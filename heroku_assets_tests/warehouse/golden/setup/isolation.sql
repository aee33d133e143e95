SELECT CAST(is_read_committed_snapshot_on AS int) AS [is_read_committed_snapshot_on]
FROM sys.databases
WHERE name = DB_NAME();
