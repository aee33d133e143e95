"""Reading a spool segment's bodies in batches gives each body exactly the lines reading it alone gives."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from heroku_assets.logs import read_lines
from heroku_assets.logs.logplex.frame_batches import read_bodies
from heroku_assets.sample import drain_bodies, generate_day


def test_bodies_read_together_read_as_each_alone() -> None:
    lines = list(generate_day("my-app", dt.date(2026, 11, 20), 20000, seed=5))
    bodies = [body for _, body in drain_bodies(lines)]
    # bodies whose tails are not frames: they must not run into the next body
    bodies[3:3] = [b"garbage with no frame", b"12 <190>1 2026-11-20T10:00:00Z", b"", b"\n\n"]
    bodies.append(b"2026-11-20T10:00:00+00:00 app[web.1]: an unframed text line\n99 <190>1 cut short")
    together = [(batch, owners) for batch, owners in read_bodies(bodies)]
    assert len(together) > 1  # batches of many bodies, and more than one batch
    rows = pa.Table.from_batches([batch for batch, _ in together])
    owners = [int(o) for _, batch_owners in together for o in batch_owners]
    assert owners == sorted(owners)
    for index, body in enumerate(bodies):
        alone = pa.Table.from_batches(list(read_lines([body], fmt="logplex").batches()), schema=rows.schema)
        mine = rows.take(pa.array([i for i, o in enumerate(owners) if o == index], pa.int64()))
        assert mine.to_pylist() == alone.to_pylist(), body[:100]
