"""Raw and staging object stores: a local folder (the default) and Azure Blob Storage, one interface."""

from heroku_assets.storage.base import ObjectInfo, ObjectStore, StoreError
from heroku_assets.storage.local import LocalObjectStore

__all__ = ["LocalObjectStore", "ObjectInfo", "ObjectStore", "StoreError"]
