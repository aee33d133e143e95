"""A short text summary from the warehouse: what the main job prints at the end."""

from __future__ import annotations

import duckdb


def summary_text(conn: duckdb.DuckDBPyConnection, top_codes: int = 8) -> str:
    stats = conn.execute(
        "SELECT app, event_date, requests, error_rate, p95_service_ms "
        "FROM daily_request_stats ORDER BY app, event_date"
    ).fetchall()
    codes = conn.execute(
        "SELECT code, any_value(meaning), sum(occurrences) AS n FROM errors_by_code "
        "GROUP BY code ORDER BY n DESC, code LIMIT ?",
        [top_codes],
    ).fetchall()
    totals = conn.execute(
        "SELECT (SELECT count(*) FROM router_events), (SELECT count(*) FROM app_events), "
        "(SELECT count(*) FROM platform_events), (SELECT count(*) FROM runtime_metrics), "
        "(SELECT count(*) FROM rejected_lines)"
    ).fetchone()
    out = ["Requests per app and day"]
    if stats:
        out.append(f"{'app':<16} {'day':<10} {'requests':>9} {'err rate':>8} {'p95 ms':>7}")
    else:
        out.append("none: the warehouse holds no router lines (heroku[router]) yet")
    for app, day, requests, error_rate, p95 in stats:
        p95_text = "-" if p95 is None else f"{p95:.0f}"
        out.append(f"{app:<16} {day.isoformat():<10} {requests:>9} {error_rate:>8.2%} {p95_text:>7}")
    out.append("")
    out.append("Top error codes")
    for code, meaning, n in codes:
        out.append(f"{code:<5} {n:>7}  {meaning or 'unknown code'}")
    if not codes:
        out.append("none")
    out.append("")
    names = ("router_events", "app_events", "platform_events", "runtime_metrics", "rejected_lines")
    out.append("Rows: " + ", ".join(f"{name} {count}" for name, count in zip(names, totals, strict=True)))
    return "\n".join(out)
