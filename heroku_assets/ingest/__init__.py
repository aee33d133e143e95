"""Getting lines into the raw store and out again as day partitions: import, received objects, dedupe."""
