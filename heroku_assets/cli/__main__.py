"""``python -m heroku_assets.cli``: the ``heroku-assets`` command (tests and benchmarks run it so)."""

import sys

from heroku_assets.cli import main

sys.exit(main())
