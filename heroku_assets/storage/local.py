"""The local-folder object store: the embedded default, with no cloud account needed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from heroku_assets.storage.base import ObjectInfo, StoreError, validate_key

_META_DIR = ".meta"


class LocalObjectStore:
    """Objects are files under ``root``; metadata sits in ``root/.meta/<key>.json`` beside a content hash.

    Writes go to a temporary file, are fsynced and renamed into place, so a reader never sees half an
    object and a write that returned is durable (the drain receiver acknowledges only after that).
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"LocalObjectStore({str(self.root)!r})"

    def _path(self, key: str) -> Path:
        return self.root / validate_key(key)

    def _meta_path(self, key: str) -> Path:
        return self.root / _META_DIR / (validate_key(key) + ".json")

    def _write_meta(self, key: str, version: str, metadata: Mapping[str, str] | None) -> None:
        meta_path = self._meta_path(key)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"version": version, "metadata": dict(metadata or {})}, sort_keys=True)
        # Not fsynced: the object itself is, and metadata lost to a crash is recomputed or defaulted
        # (a missing ``days`` makes readers take the object as touching every day they look at).
        _atomic_write(meta_path, payload.encode(), sync=False)

    def put(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(path, data)
            version = hashlib.sha256(data).hexdigest()[:32]
            self._write_meta(key, version, metadata)
        except OSError as exc:
            raise StoreError(f"could not write {key}: {exc.strerror or exc}") from exc
        return ObjectInfo(key=key, size=len(data), version=version, metadata=dict(metadata or {}))

    def put_file(self, key: str, path: Path, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        target = self._path(key)
        digest = hashlib.sha256()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if self._link(path, target):
                with open(target, "rb") as src:
                    while chunk := src.read(1 << 20):
                        digest.update(chunk)
                version = digest.hexdigest()[:32]
                self._write_meta(key, version, metadata)
                return ObjectInfo(key, target.stat().st_size, version, dict(metadata or {}))
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
            version = digest.hexdigest()[:32]
            self._write_meta(key, version, metadata)
        except OSError as exc:
            raise StoreError(f"could not write {key}: {exc.strerror or exc}") from exc
        return ObjectInfo(key=key, size=target.stat().st_size, version=version, metadata=dict(metadata or {}))

    @staticmethod
    def _link(path: Path, target: Path) -> bool:
        """Put a hard link to ``path`` at ``target`` (atomically, fsynced) when ``path`` is read-only (its
        writer is done with it for good, as with a sealed spool segment) and both are on one file system:
        a segment of a hundred MiB then costs no copy. False otherwise: the file is copied."""
        try:
            if path.stat().st_mode & 0o222:
                return False
        except OSError:
            return False
        tmp = target.with_name(f".tmp-link-{os.getpid()}-{threading.get_ident()}-{target.name}")
        try:
            os.link(path, tmp)
        except OSError:
            return False
        try:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, target)
        except OSError:
            tmp.unlink(missing_ok=True)
            raise
        return True

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise KeyError(key) from exc

    def open(self, key: str) -> BinaryIO:
        try:
            return open(self._path(key), "rb")
        except FileNotFoundError as exc:
            raise KeyError(key) from exc

    def download(self, key: str, path: Path) -> None:
        try:
            shutil.copyfile(self._path(key), path)
        except FileNotFoundError as exc:
            raise KeyError(key) from exc

    def head(self, key: str) -> ObjectInfo | None:
        path = self._path(key)
        if not path.is_file():
            return None
        return self._info(key, path)

    def _info(self, key: str, path: Path) -> ObjectInfo:
        stat = path.stat()
        try:
            meta = json.loads(self._meta_path(key).read_text())
        except (FileNotFoundError, ValueError):
            # A file dropped in by hand: its version is the hash of its content.
            meta = {"version": _file_digest(path), "metadata": {}}
        return ObjectInfo(
            key=key,
            size=stat.st_size,
            version=meta["version"],
            metadata=meta["metadata"],
            modified=stat.st_mtime,
        )

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        # Walk only the folder the prefix names, not the whole store.
        folder, _, _ = prefix.rpartition("/")
        start = self.root / folder if folder else self.root
        if not start.is_dir():
            return
        keys = []
        for dirpath, dirnames, filenames in os.walk(start):
            dirnames[:] = [d for d in dirnames if d != _META_DIR]
            for name in filenames:
                if name.startswith(".tmp-"):
                    continue
                key = Path(dirpath, name).relative_to(self.root).as_posix()
                if key.startswith(prefix):
                    keys.append(key)
        for key in sorted(keys):
            path = self.root / key
            if path.is_file():
                yield self._info(key, path)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
        self._meta_path(key).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> int:
        infos = list(self.list(prefix))
        for info in infos:
            self.delete(info.key)
        return len(infos)

    def url(self, key: str) -> str:
        return self._path(key).resolve().as_uri()


def _atomic_write(path: Path, data: bytes, sync: bool = True) -> None:
    # A name unique to this process and thread is enough (mkstemp's random names cost a retry loop).
    tmp = str(path.parent / f".tmp-{path.name}-{os.getpid()}-{threading.get_ident()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as src:
        while chunk := src.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()[:32]
