import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from heroku_assets.logs import read_lines
from heroku_assets.logs.dating import dated_batches, days_of
from heroku_assets.logs.raw_text import canonical_text
from heroku_assets.sample import generate_lines
from heroku_assets_tests.capture.helpers import frame

RECEIVED = dt.date(2026, 11, 25)


def _vectorised_and_reference(data: bytes, fmt: str) -> tuple[list[str], list[str]]:
    reference = [line.canonical() for line in read_lines([data], fmt=fmt)]
    vectorised = []
    for batch in read_lines([data], fmt=fmt).batches():
        vectorised.extend(canonical_text(batch).to_pylist())
    return vectorised, reference


def test_batch_canonical_text_equals_the_per_line_rendering_on_realistic_logs():
    text = "\n".join(line.text for line in generate_lines(2, 1, 3000, seed=3)).encode()
    vectorised, reference = _vectorised_and_reference(text, "text")
    assert len(reference) > 5000
    assert vectorised == reference


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_batch_canonical_text_equals_the_per_line_rendering_on_any_bytes(data):
    for fmt in ("text", "logplex"):
        vectorised, reference = _vectorised_and_reference(data, fmt)
        assert vectorised == reference


def test_undated_lines_take_the_day_of_their_neighbours_or_of_receipt():
    body = (
        b"garbage first\n2026-11-20T10:00:00+00:00 app[web.1]: a\n"
        b"more garbage\n2026-11-21T00:00:01Z app[web.1]: b\n"
    )
    (batch,) = list(dated_batches([body], "text", RECEIVED))
    assert batch.days.to_pylist() == [dt.date(2026, 11, 20)] * 3 + [dt.date(2026, 11, 21)]
    assert days_of(b"nothing readable here\n", "text", RECEIVED) == {RECEIVED}


def test_days_of_a_drain_body_follow_the_frames():
    body = frame("2026-11-20T23:59:59.999999+00:00", "app", "web.1", "x") + frame(
        "2026-11-21T00:00:00+00:00", "app", "web.1", "y"
    )
    assert days_of(body, "logplex", RECEIVED) == {dt.date(2026, 11, 20), dt.date(2026, 11, 21)}


def test_a_reader_defect_stores_the_body_without_days_and_partitions_still_read_it(tmp_path, monkeypatch):
    from heroku_assets.capture import received as raw_module
    from heroku_assets.logs.changes import all_partitions
    from heroku_assets.logs.raw_partition.candidates import candidate_objects
    from heroku_assets.storage import layout
    from heroku_assets.storage.local import LocalObjectStore

    def broken(*args, **kwargs):
        raise RuntimeError("reader defect")

    monkeypatch.setattr(raw_module, "days_of", broken)
    store = LocalObjectStore(tmp_path)
    body = frame("2026-11-24T23:59:00+00:00", "app", "web.1", "late")
    info = raw_module.store_received(
        store, layout.drain_object("shop", RECEIVED, "a" * 32), body, "logplex", RECEIVED
    )
    assert store.get(info.key) == body
    assert "days" not in info.metadata and info.metadata["days_error"] == "true"
    # Every partition of the received window reads it; the catch-up run takes it for its received day.
    assert [o.key for o in candidate_objects(store, "shop", RECEIVED - dt.timedelta(days=1), 1)] == [info.key]
    assert all_partitions(store) == {"shop": {RECEIVED}}
