"""The HTTPS log drain receiver (an ASGI app for uvicorn) writing Logplex bodies to the raw store."""
