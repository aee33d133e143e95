"""Warehouses: table DDL derived from the declarations, and loaders (DuckDB locally, Synapse in Azure)."""
