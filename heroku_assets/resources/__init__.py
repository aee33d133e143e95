"""Dagster resources: the stores, the warehouse and the Platform API as Dagster sees them.

Each resource opens a library object (an ObjectStore pair, a Warehouse, a HerokuClient), so assets stay
thin. Which ones a deployment uses is chosen in ``heroku_assets.defs.resources``; the Azure resources live
in ``resources.azure`` and ``resources.synapse`` so their SDKs load only when that environment is chosen.
The stores open through ``heroku_assets.storage.factory``, as the command line's do.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
from dagster_duckdb import DuckDBResource

from heroku_assets.storage.factory import Stores, local_stores
from heroku_assets.warehouse.base import Warehouse

if TYPE_CHECKING:
    from heroku_assets.platform_api.client import HerokuClient

# Dagster's pythonic config reads this flag into a field's snapshot: the UI masks a literal value of the
# field; an EnvVar is shown by its name either way.
SECRET_FIELD = {"dagster__is_secret": True}


class StoresResource(dg.ConfigurableResource):
    """The raw and staging object stores, wherever they live."""

    @contextlib.contextmanager
    def open(self) -> Iterator[Stores]:
        raise NotImplementedError
        yield  # pragma: no cover


class LocalStoresResource(StoresResource):
    """Folders under the data directory: the embedded default."""

    data_dir: str

    @contextlib.contextmanager
    def open(self) -> Iterator[Stores]:
        yield local_stores(Path(self.data_dir))


class WarehouseResource(dg.ConfigurableResource):
    """Where the tables live; ``open`` yields a library ``Warehouse``."""

    @contextlib.contextmanager
    def open(self) -> Iterator[Warehouse]:
        raise NotImplementedError
        yield  # pragma: no cover


class DuckDBWarehouseResource(WarehouseResource):
    """DuckDB through dagster-duckdb's resource."""

    duckdb: DuckDBResource

    @contextlib.contextmanager
    def open(self) -> Iterator[Warehouse]:
        from heroku_assets.warehouse.duckdb import DuckDBWarehouse

        Path(self.duckdb.database).parent.mkdir(parents=True, exist_ok=True)
        with self.duckdb.get_connection() as conn:
            yield DuckDBWarehouse(conn)


MISSING_API_KEY = (
    "HEROKU_API_KEY is not set: the Platform API assets read Heroku with a read-only API token. "
    "Create one (`heroku authorizations:create --scope read`), export HEROKU_API_KEY=<token> where "
    "Dagster runs (before `make dev`, or in the deployment's secret) and reload the code location."
)


class HerokuApiResource(dg.ConfigurableResource):
    """The Platform API; the token is an EnvVar reference, never shown. Without one (``HEROKU_API_KEY``
    unset) the resource still loads, and a run that needs it fails in its step saying what to set."""

    token: str | None = None
    base_url: str = "https://api.heroku.com"
    rate_share: float = 0.6
    webhooks: bool = False

    @contextlib.contextmanager
    def client(self) -> Iterator[HerokuClient]:
        from heroku_assets.platform_api.client import HerokuClient
        from heroku_assets.platform_api.errors import (
            HerokuAuthError,
            HerokuForbiddenError,
            HerokuNotFoundError,
        )
        from heroku_assets.platform_api.rate import RateBudget

        if not self.token:
            raise dg.Failure(description=MISSING_API_KEY, allow_retries=False)
        try:
            budget = RateBudget(self.rate_share)
            with HerokuClient(self.token, base_url=self.base_url, budget=budget) as client:
                yield client
        except (HerokuAuthError, HerokuForbiddenError, HerokuNotFoundError) as exc:
            # Retrying cannot fix a bad token, a missing permission or a deleted app.
            raise dg.Failure(description=str(exc), allow_retries=False) from exc
