"""Octet-counted drain bodies: exact counts, the variants Logplex sends, wrong counts and garbage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from heroku_assets.logs.logplex.framing import MAX_FRAME, REASON_GARBAGE, REASON_NO_BOUNDARY, Framer

A = b"<40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up"
B = b"<40>1 2012-11-30T06:45:26+00:00 host app web.3 - Starting process with command `bundle exec rackup`"
C = b"<158>1 2012-11-30T06:45:30.5+00:00 host heroku router - at=info method=GET path=/ status=200"


def frames(body: bytes, pieces: list[int] | None = None) -> list[tuple[bytes, str | None]]:
    """Frame a body fed whole, or cut at the given offsets."""
    framer = Framer()
    out = []
    cuts = [0, *(pieces or []), len(body)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        out.extend(framer.feed(body[a:b]))
    out.extend(framer.close())
    return out


def counted(payload: bytes, newline: bool = True, count_newline: bool = True) -> bytes:
    data = payload + (b"\n" if newline else b"")
    n = len(data) if count_newline else len(payload)
    return b"%d %s" % (n, data)


def test_reference_example_counts_the_newline() -> None:
    body = b"83 " + A + b"\n"
    assert counted(A) == body
    assert frames(body) == [(A, None)]


def test_count_without_the_newline() -> None:
    body = counted(A, count_newline=False) + counted(B, count_newline=False)
    assert frames(body) == [(A, None), (B, None)]


def test_frames_with_no_separator() -> None:
    body = counted(A, newline=False) + counted(B, newline=False) + counted(C, newline=False)
    assert frames(body) == [(A, None), (B, None), (C, None)]


def test_crlf_and_blank_lines_between_frames() -> None:
    body = b"\r\n" + counted(A) + b"\n\n  " + counted(B, count_newline=False) + b"\r\n"
    assert frames(body) == [(A, None), (B, None)]


def test_count_too_short_is_resynchronised_on_the_newline() -> None:
    body = b"10 " + A + b"\n" + counted(B)
    assert frames(body) == [(A, None), (B, None)]


def test_count_too_long_does_not_swallow_the_next_frame() -> None:
    body = b"%d " % (len(A) + 40) + A + b"\n" + counted(B) + counted(C)
    assert frames(body) == [(A, None), (B, None), (C, None)]


def test_count_wrong_and_no_separator_resyncs_on_the_next_frame_start() -> None:
    body = b"5 " + A + counted(B, newline=False) + counted(C, newline=False)
    assert frames(body) == [(A, None), (B, None), (C, None)]


def test_count_wrong_and_glued_digits_keep_the_text_before() -> None:
    # A ends with "...up"; make it end with digits so the next count is glued to them
    a = A + b" 200"
    body = b"5 " + a + counted(B, newline=False)
    assert frames(body) == [(a, None), (B, None)]


def test_count_beyond_the_body_keeps_the_rest() -> None:
    body = counted(A) + b"999 " + B
    assert frames(body) == [(A, None), (B, None)]


def test_huge_count_is_not_waited_for() -> None:
    body = b"9999999 " + A + b"\n" + counted(B)
    assert frames(body, pieces=[20, 40]) == [(A, None), (B, None)]


def test_garbage_lines_come_out_one_per_line() -> None:
    body = b"hello\nworld\r\n" + counted(A) + b"<html>oops</html>\n\n" + counted(B) + b"trailing"
    assert frames(body) == [
        (b"hello", REASON_GARBAGE),
        (b"world", REASON_GARBAGE),
        (A, None),
        (b"<html>oops</html>", REASON_GARBAGE),
        (B, None),
        (b"trailing", REASON_GARBAGE),
    ]


def test_garbage_glued_to_a_frame_start() -> None:
    body = b"garbage" + counted(A)
    assert frames(body) == [(b"garbage", REASON_GARBAGE), (A, None)]


def test_a_count_that_is_not_a_frame_is_garbage() -> None:
    body = b"2012 was a year\n" + counted(A)
    assert frames(body) == [(b"2012 was a year", REASON_GARBAGE), (A, None)]


def test_nothing_without_a_boundary_is_held_beyond_max_frame() -> None:
    blob = b"x" * (MAX_FRAME + 10)
    out = frames(blob + b"\n" + counted(A), pieces=[1000, MAX_FRAME // 2, MAX_FRAME + 5])
    assert out[0] == (blob[:MAX_FRAME], REASON_NO_BOUNDARY)
    assert out[1] == (b"x" * 10, REASON_GARBAGE)
    assert out[2] == (A, None)


def test_every_cut_gives_the_same_frames() -> None:
    body = (
        counted(A)
        + counted(B, newline=False)
        + counted(B, count_newline=False)
        + b"\njunk\n"
        + b"7 "
        + C
        + b"\n"
        + counted(A, count_newline=False)
        + b"\n"
    )
    whole = frames(body)
    assert whole == [(A, None), (B, None), (B, None), (b"junk", REASON_GARBAGE), (C, None), (A, None)]
    for cut in range(1, len(body)):
        assert frames(body, pieces=[cut]) == whole, cut
    assert frames(body, pieces=list(range(1, len(body)))) == whole


_frame_bodies = st.lists(
    st.tuples(
        st.binary(min_size=1, max_size=40).map(lambda b: b"<13>1 - h app web.1 - " + b.replace(b"\n", b" ")),
        st.booleans(),
        st.booleans(),
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(_frame_bodies, st.lists(st.integers(0, 400), max_size=6))
def test_well_counted_frames_come_back_exactly_whatever_the_cuts(
    parts: list[tuple[bytes, bool, bool]], cuts: list[int]
) -> None:
    body = b"".join(counted(p, newline=nl, count_newline=cn) for p, nl, cn in parts)
    cuts = sorted({c for c in cuts if 0 < c < len(body)})
    expected = [(p.rstrip(b"\r"), None) for p, _, _ in parts]
    assert frames(body) == expected
    assert frames(body, pieces=cuts) == expected


def _content(data: bytes) -> bytes:
    """What framing may not drop: everything but whitespace (blank lines are not log lines) and digits
    (counts are digits)."""
    return data.translate(None, b" \t\r\n\x0b\x0c0123456789")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=60),
            st.sampled_from([b"\n", b"83 ", b"12 <", b"<13>1 ", b"5 <40>1 x", b"\r\n", b" "]),
            st.builds(counted, st.binary(max_size=50), st.booleans(), st.booleans()),
        ),
        max_size=12,
    ).map(b"".join),
    st.lists(st.integers(0, 600), max_size=5),
)
def test_arbitrary_bytes_never_raise_and_lose_nothing(body: bytes, cuts: list[int]) -> None:
    cuts = sorted({c for c in cuts if 0 < c < len(body)})
    out = frames(body, pieces=cuts)
    assert _content(b"".join(data for data, _ in out)) == _content(body)
    assert all(data.strip() for data, reason in out if reason is not None)
    assert out == frames(body)


def test_a_counted_frame_holding_no_syslog_line_is_still_a_frame() -> None:
    junk = b"2026-11-20T12:06:55Z [web.1]: Started"
    body = counted(A, newline=False) + counted(junk, newline=False) + counted(B, newline=False)
    assert frames(body) == [(A, None), (junk, None), (B, None)]
    assert frames(counted(b"  \t ", newline=False) + counted(A)) == [(A, None)]  # blank: not a line
    body = counted(A, newline=False) + counted(junk, newline=False) * 3 + counted(B, newline=False)
    assert frames(body) == [(A, None), (junk, None), (junk, None), (junk, None), (B, None)]
    # but digits and a space inside a message do not make a wrong count right
    body = b"%d " % (len(A) - 6) + A + b" 12 xx\n" + counted(B)
    assert frames(body) == [(A + b" 12 xx", None), (B, None)]


# Junk that can never be read as a frame or a count: no digits, no whitespace, ASCII only.
_junk = st.text(
    st.characters(codec="ascii", exclude_characters="0123456789 \t\r\n\x0b\x0c"), min_size=1, max_size=30
).map(str.encode)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([A, B, C]), st.booleans(), st.booleans()), min_size=1, max_size=5),
    _junk,
    st.sampled_from([b"", b"\n", b"\r\n", b" ", b"\n\n"]),
    st.lists(st.integers(0, 600), max_size=4),
)
def test_a_junk_tail_after_the_last_counted_frame_is_a_garbage_line(
    parts: list[tuple[bytes, bool, bool]], junk: bytes, end: bytes, cuts: list[int]
) -> None:
    """Whatever follows the last correctly counted frame, glued to it or not, and however the body is
    cut: the frames come back exactly and the junk is a line of its own, never part of a message."""
    body = b"".join(counted(p, newline=nl, count_newline=cn) for p, nl, cn in parts) + junk + end
    cuts = sorted({c for c in cuts if 0 < c < len(body)})
    expected = [(p, None) for p, _, _ in parts] + [
        ((junk + end).split(b"\n")[0].rstrip(b"\r"), REASON_GARBAGE)
    ]
    assert frames(body) == expected
    assert frames(body, pieces=cuts) == expected


def test_a_short_count_is_still_resynchronised_at_the_end_of_the_body() -> None:
    # a count that does not cover the syslog header, or that cuts a UTF-8 character (a count of
    # characters, not bytes), is wrong: the frame runs to the end of the body as before
    assert frames(b"10 " + A) == [(A, None)]
    accented = A + " état".encode()
    assert frames(b"%d %s" % (len(A) + 2, accented)) == [(accented, None)]  # cuts the é
    for newline in (b"", b"\n"):  # counted in characters: one short of the bytes, the é is two
        text = accented + newline
        assert frames(b"%d %s" % (len(text.decode()), text)) == [(accented, None)]
    # in the middle of a body the newline after a wrong count still ends the frame
    body = b"%d " % (len(A) - 2) + A + b"\n" + counted(B)
    assert frames(body) == [(A, None), (B, None)]
