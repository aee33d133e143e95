"""Fixtures for the drain receiver: it runs under uvicorn on a free loopback port, writing to a folder."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from heroku_assets.capture.app import create_app
from heroku_assets.capture.drain_config import DrainConfig
from heroku_assets.storage.base import ObjectInfo, StoreError
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.fakes.server import serve

USER = "logplex"
PASSWORD = "drain-password-7f3a9c"
PATH_TOKEN = "path-token-5b8e2d41c6a0f9e7"
DRAIN_TOKEN = "d.d98d98ca-4598-4e7c-bef7-5c539a382e20"  # the sample generator's token for my-app
APP = "my-app"


class FlakyStore(LocalObjectStore):
    """A real folder store whose writes fail while ``failing`` is set, as a full disk or an unreachable
    blob account would."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.failing = False
        self.attempts = 0

    def put(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        self.attempts += 1
        if self.failing:
            raise StoreError(f"could not write {key}: No space left on device")
        return super().put(key, data, metadata)

    def put_file(self, key: str, path: Path, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        self.attempts += 1
        if self.failing:
            raise StoreError(f"could not write {key}: No space left on device")
        return super().put_file(key, path, metadata)


@dataclass
class Drain:
    url: str
    store: FlakyStore
    config: DrainConfig


def default_config(**overrides: object) -> DrainConfig:
    values: dict[str, object] = {
        "username": USER,
        "password": PASSWORD,
        "path_token": PATH_TOKEN,
        "apps": {DRAIN_TOKEN: APP},
    }
    values.update(overrides)
    return DrainConfig(**values)  # type: ignore[arg-type]


@pytest.fixture
def start_drain(tmp_path: Path) -> Iterator[Callable[..., Drain]]:
    """``start_drain(config=None, clock=None)`` -> a running receiver (stopped after the test)."""
    with contextlib.ExitStack() as stack:

        def start(config: DrainConfig | None = None, clock: Callable[[], dt.datetime] | None = None) -> Drain:
            store = FlakyStore(tmp_path / "raw")
            config = config or default_config()
            served = stack.enter_context(serve(create_app(store, config, clock=clock)))
            return Drain(url=served.url, store=store, config=config)

        yield start


@pytest.fixture
def drain(start_drain: Callable[..., Drain]) -> Drain:
    return start_drain()
