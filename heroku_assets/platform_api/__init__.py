"""Heroku Platform API: the client (paging, pacing, retries) and the entity fetchers behind the API tables."""
