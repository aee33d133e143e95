"""heroku-assets: Heroku logs and Platform API data into Azure Synapse (DuckDB locally) as Dagster assets."""
