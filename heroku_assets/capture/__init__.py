"""The ways data comes in, each writing received objects to the raw store exactly as they arrived: the
Logplex drain and OTLP receivers, log-session pulls and imported dumps. What a received object is lives
in ``heroku_assets.received``; the scan of what arrived, behind the sensor, in ``logs.changes``."""
