"""``heroku-assets warehouse check``: prove the load on the user's own Synapse pool or Fabric Warehouse
and storage.

In a scratch schema it creates and removes again, with the configured COPY credential: COPY INTO a file
holding every staged type (microsecond timestamps before and after 1970, dates, booleans, 64-bit integers,
floats, strings outside the BMP and at their declared widths, '' beside NULL, a value over 4,000
characters and one near the pool's 1 MB row limit, cut when staged), a round-trip comparison of every
value, a partition replace run twice, a replace rolled back midway, a view created and altered, masks
applied twice when masking is on, statistics created and refreshed (Synapse); then, as a separate step
whose failure does not fail the check, the extreme dates 0001-01-01 and 9999-12-31, which real data never
holds. It reads the pool's isolation setting and the permissions the loader needs (Synapse), or the
warehouse's collation (Fabric). Every statement comes from the builders the loader uses, rendered by the
target's dialect (golden files in the tests); the same steps run on DuckDB in the tests, where the
T-SQL-only ones are marked not applicable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from heroku_assets.storage.base import ObjectStore
from heroku_assets.warehouse import check_steps as steps
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.check_engines import CheckEngine
from heroku_assets.warehouse.check_probe import CheckNames

log = logging.getLogger(__name__)


@dataclass
class CheckResult:
    name: str
    passed: bool | None  # None: not applicable on this engine, or could not be read
    detail: str = ""
    blocking: bool = True  # a failure of a non-blocking step is a warning: the check still passes

    @property
    def mark(self) -> str:
        if self.passed is False:
            return "FAIL" if self.blocking else "warn"
        return "pass" if self.passed else "n/a"


@dataclass
class CheckReport:
    results: list[CheckResult] = field(default_factory=list)

    def add(self, name: str, passed: bool | None, detail: str = "", *, blocking: bool = True) -> None:
        self.results.append(CheckResult(name, passed, detail, blocking))

    @property
    def ok(self) -> bool:
        return all(r.passed is not False or not r.blocking for r in self.results)

    def table(self) -> str:
        width = max(len(r.name) for r in self.results)
        lines = [f"{'check':<{width}}  result  detail", f"{'-' * width}  ------  ------"]
        lines += [f"{r.name:<{width}}  {r.mark:<6}  {r.detail}" for r in self.results]
        return "\n".join(lines)


def _step(
    report: CheckReport, name: str, fn: Callable[[], tuple[bool | None, str]], *, blocking: bool = True
) -> bool:
    try:
        passed, detail = fn()
    except Exception as exc:  # noqa: BLE001 - every failure is a row of the report, not a crash
        passed, detail = False, str(exc).splitlines()[0][:300]
    report.add(name, passed, detail, blocking=blocking)
    return passed is not False


def run_check(engine: CheckEngine, store: ObjectStore, run_id: str | None = None) -> CheckReport:
    """Every step, in order; the scratch schema and the staged probes are removed whatever happened."""
    names = CheckNames(run_id or sql.new_run_id())
    report = CheckReport()
    dialect = engine.dialect
    tsql = dialect is not sql.DUCKDB
    with engine.cursor() as cur:
        if dialect.checks_isolation:
            _step(report, ISOLATION, lambda: steps.isolation(cur))
        else:
            report.add(ISOLATION, None, NOT_APPLICABLE[dialect.name]["isolation"])
        if dialect is sql.SYNAPSE:
            _step(report, PERMISSIONS, lambda: steps.permissions(cur, engine))
            report.add(COLLATION, None, "Synapse: nvarchar holds every character in any collation")
        else:
            report.add(PERMISSIONS, None, NOT_APPLICABLE[dialect.name]["permissions"])
            if tsql:
                _step(report, COLLATION, lambda: steps.collation(cur))
            else:
                report.add(COLLATION, None, "DuckDB: strings are UTF-8")
        try:
            if not _step(report, "scratch schema and probe table", lambda: steps.setup(cur, names, dialect)):
                return report
            if engine.storage is not None:
                _step(report, "storage account fits the COPY credential", engine.storage)
            if not _step(report, "stage the probe Parquet", lambda: steps.stage(store, names)):
                return report
            plan = engine.plan(names, store, names.key)
            loaded = _step(
                report,
                f"COPY INTO and partition replace ({engine.credential})",
                lambda: steps.load(cur, plan, dialect),
            )
            if loaded:
                _step(
                    report, "round trip of every staged type", lambda: steps.round_trip(cur, names, dialect)
                )
                _step(
                    report,
                    "replace again (idempotent)",
                    lambda: steps.load(cur, engine.plan(names, store, names.key), dialect),
                )
                _step(
                    report, "rollback of a failed replace", lambda: steps.rollback(cur, plan, names, dialect)
                )
                _step(
                    report,
                    "view: create if missing, then ALTER VIEW",
                    lambda: steps.view(cur, names, dialect),
                )
                if not tsql:
                    report.add(MASKING, None, "DuckDB: no masking")
                elif not engine.masked:
                    report.add(MASKING, None, "SYNAPSE_MASKING is off")
                else:
                    _step(report, MASKING, lambda: steps.mask(cur, names))
                if dialect is sql.SYNAPSE:
                    _step(report, STATISTICS, lambda: steps.statistics(cur, names, dialect))
                else:
                    report.add(STATISTICS, None, f"{dialect.name}: statistics kept by the engine")
            _real_tables(report, cur, engine, store, names)
            _step(
                report,
                "extreme dates 0001-01-01 and 9999-12-31 (real data never holds them)",
                lambda: steps.extremes(cur, engine, store, names),
                blocking=False,
            )
        finally:
            _step(
                report,
                "scratch schema and probe removed",
                lambda: steps.cleanup(cur, store, names, dialect, engine.loader_schemas),
            )
    return report


ISOLATION = "isolation (READ_COMMITTED_SNAPSHOT)"
PERMISSIONS = "permissions the loader needs"
COLLATION = "collation (UTF-8 varchar)"
MASKING = "dynamic data masking, applied twice"
STATISTICS = "statistics created once, refreshed by name"
NOT_APPLICABLE = {
    "duckdb": {"isolation": "DuckDB: readers always see a snapshot", "permissions": "DuckDB: no permissions"},
    "fabric": {
        "isolation": "Fabric: always snapshot isolation",
        "permissions": "Fabric: rights come from the workspace role (Contributor or higher) or item "
        "permissions; the steps below exercise them in a scratch schema",
    },
}


def _real_tables(
    report: CheckReport, cur: Any, engine: CheckEngine, store: ObjectStore, names: CheckNames
) -> None:
    """The steps on the real tables (``check_tables``): their DDL, a day load from two folders, the
    entity upsert, the real views, and the rights on the loader's own schemas."""
    from heroku_assets.warehouse import check_tables as real

    dialect = engine.dialect
    if engine.day_plan and engine.entity_plan:
        day_plan, entity_plan = engine.day_plan, engine.entity_plan
        if _step(
            report, "every real table, with its options", lambda: real.create_real_tables(cur, names, dialect)
        ):
            _step(
                report,
                "day load of router_events: two folders, one COPY, one replace",
                lambda: real.day_load(cur, names, store, day_plan, dialect),
            )
            _step(
                report,
                "entity upsert of heroku_error_codes, twice",
                lambda: real.entity_upsert(cur, names, store, entity_plan, dialect),
            )
            _step(report, "the real analytics views", lambda: real.real_views(cur, names, dialect))
    if dialect is sql.DUCKDB:
        report.add(RIGHTS, None, "DuckDB: no permissions")
    else:
        _step(report, RIGHTS, lambda: real.rights(cur, names, engine.loader_schemas, dialect))


RIGHTS = "rights on the loader's own schemas (nothing changed)"
