"""The raw store's objects as both sides know them: written by ``capture/``, read by ``logs/`` and the
sensor. Nothing here imports either side."""
