"""The ways data comes in, each writing received objects to the raw store exactly as they arrived: the
Logplex drain receiver, log-session pulls and imported dumps; and the scan of what arrived, behind the
sensor."""
