"""Sample drain bodies: frames, counts and headers as Logplex sends them, one line per frame, none lost."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from heroku_assets.sample import DrainConfig, SampleConfig, drain_batches, drain_bodies, generate_lines
from heroku_assets.sample.drain import drain_token

SYSLOG = re.compile(rb"^<(\d+)>1 (\S+) (\S+) (app|heroku) (\S+) - (.*)$", re.S)
HEADER = re.compile(r"^(\S+) (app|heroku)\[([^\]]+)\]: (.*)$", re.S)


@pytest.fixture(scope="module")
def lines():
    return list(generate_lines(3, 2, 6000, seed=11))


@pytest.fixture(scope="module")
def batches(lines):
    return list(drain_batches(lines, seed=11))


def read_frames(body: bytes, framing: str) -> list[bytes]:
    """A strict reader for one known framing: any deviation from it fails the test."""
    frames, pos = [], 0
    while pos < len(body):
        space = body.index(b" ", pos)
        n = int(body[pos:space])
        start = space + 1
        frame = body[start : start + n]
        assert len(frame) == n
        if framing == "counted_newline":
            assert frame.endswith(b"\n")
            frame = frame[:-1]
            pos = start + n
        elif framing == "uncounted_newline":
            assert body[start + n : start + n + 1] == b"\n"
            pos = start + n + 1
        else:
            assert framing == "no_separator"
            pos = start + n
        assert b"\n" not in frame
        frames.append(frame)
    return frames


def test_every_line_travels_once_in_order(lines, batches):
    assert [x for b in batches for x in b.lines] == lines


def test_counts_frames_and_headers_agree(lines, batches):
    tokens = {app: drain_token(app, 11) for app in {x.app for x in lines}}
    for b in batches:
        frames = read_frames(b.body, b.framing)
        assert len(frames) == len(b.lines) == int(b.headers["Logplex-Msg-Count"]) >= 1
        assert b.headers["Content-Type"] == "application/logplex-1"
        assert re.fullmatch(r"Logplex/v\d+", b.headers["User-Agent"])
        token = tokens[b.lines[0].app]
        assert b.headers["Logplex-Drain-Token"] == token
        assert re.fullmatch(r"d\.[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", token)
        assert re.fullmatch(r"[0-9A-F]{32}", b.frame_id) and b.name == b.frame_id
        for line, frame in zip(b.lines, frames, strict=True):
            if line.table == "rejected_lines":
                assert frame == line.text.encode()
                continue
            ts, source, dyno, message = HEADER.match(line.text).groups()
            m = SYSLOG.match(frame)
            assert m, frame
            pri, f_ts, host, f_source, f_dyno, f_message = m.groups()
            assert (f_ts.decode(), f_source.decode(), f_dyno.decode()) == (ts, source, dyno)
            assert f_message.decode() == message
            assert host.decode() in ("host", token)
            assert int(pri) == (158 if dyno == "router" else 190 if source == "app" else 45)


def test_bodies_stay_within_limits_and_partitions(batches):
    assert len(tokens := {b.headers["Logplex-Drain-Token"] for b in batches}) == 3, tokens
    for b in batches:
        assert len(b.lines) <= 100
        assert len(b.body) <= 100_000
        assert len({(x.app, x.day) for x in b.lines}) == 1
    small = list(
        drain_batches(generate_lines(1, 1, 3000, seed=2), seed=2, config=DrainConfig(max_bytes=3000))
    )
    assert all(len(b.body) <= 3000 or len(b.lines) == 1 for b in small)
    assert sum(len(b.lines) for b in small) == 3000


def test_real_world_variants_appear(batches):
    assert Counter(b.framing for b in batches).keys() == {
        "counted_newline",
        "uncounted_newline",
        "no_separator",
    }
    hosts = Counter(
        SYSLOG.match(f).group(3).startswith(b"d.")
        for b in batches
        for f in read_frames(b.body, b.framing)
        if SYSLOG.match(f)
    )
    assert hosts[True] > 0 and hosts[False] > hosts[True]
    assert any(x.table == "rejected_lines" for b in batches for x in b.lines)  # framed garbage
    sizes = Counter(len(b.lines) for b in batches)
    assert sizes[100] > 0 and len(sizes) > 10  # full batches and partial ones


def test_long_lines_fit_in_frames():
    cfg = SampleConfig(router=0, app=1, platform=0, metrics=0, garbage=0, long_line_share=0.2)
    batches = list(drain_batches(generate_lines(1, 1, 400, config=cfg)))
    assert max(len(f) for b in batches for f in read_frames(b.body, b.framing)) > 10_000
    assert all(len(b.body) <= 100_000 for b in batches)
    assert sum(len(b.lines) for b in batches) == 400


def test_frame_ids_are_deterministic_and_follow_the_content(lines, batches):
    again = list(drain_bodies(lines, seed=11))
    assert [(b.headers, b.body) for b in batches] == again
    ids = [b.frame_id for b in batches]
    assert len(set(ids)) == len(ids)
    other = {h["Logplex-Frame-Id"] for h, _ in drain_bodies(generate_lines(3, 2, 6000, seed=12), seed=12)}
    assert not other & set(ids)


def test_private_space_drains_send_no_frame_id_or_token():
    cfg = DrainConfig(private_space_share=1.0)
    batches = list(drain_batches(generate_lines(1, 1, 500), config=cfg))
    for b in batches:
        assert "Logplex-Frame-Id" not in b.headers and "Logplex-Drain-Token" not in b.headers
        assert re.fullmatch(r"[0-9A-F]{32}", b.name)
    assert len({b.name for b in batches}) == len(batches)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_frames": 0},
        {"max_bytes": 0},
        {"token_host_share": 2},
        {"uncounted_newline_share": 0.6, "no_separator_share": 0.6},
    ],
)
def test_bad_drain_config_is_refused(kwargs):
    with pytest.raises(ValueError):
        DrainConfig(**kwargs)
