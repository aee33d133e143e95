"""config/dagster-postgres.yaml on a real PostgreSQL server: the instance it makes."""

import pytest
import yaml

from heroku_assets_tests.instance.conftest import POSTGRES_CONFIG, ROOT, WAREHOUSE_POOL


def test_the_postgres_instance_stores_everything_in_postgres_and_queues_runs(deployment):
    from dagster._core.run_coordinator import QueuedRunCoordinator
    from dagster_postgres import PostgresEventLogStorage, PostgresRunStorage, PostgresScheduleStorage

    with deployment.instance() as instance:
        assert isinstance(instance.run_storage, PostgresRunStorage)
        assert isinstance(instance.event_log_storage, PostgresEventLogStorage)
        assert isinstance(instance.schedule_storage, PostgresScheduleStorage)
        assert isinstance(instance.run_coordinator, QueuedRunCoordinator)
        concurrency = instance.get_concurrency_config()
        assert concurrency.run_queue_config.max_concurrent_runs == 4
        assert concurrency.pool_config.default_pool_limit == 1
        coordinator = instance.run_coordinator
        assert coordinator.dequeue_use_threads and coordinator.dequeue_num_workers == 4
        assert instance.event_log_storage.supports_global_concurrency_limits
        assert instance.run_retries_enabled and instance.run_retries_max_retries == 2
        assert not instance.run_retries_retry_on_asset_or_op_failure
        assert instance.run_monitoring_enabled
        daemons = set(instance.get_required_daemon_types())
        needed = {"SENSOR", "SCHEDULER", "QUEUED_RUN_COORDINATOR", "MONITORING", "EVENT_LOG_CONSUMER"}
        assert needed <= daemons
        # the pool the warehouse steps name, set to one slot as the deployment steps do
        assert instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).slot_count == 1


def test_the_postgres_instance_keeps_the_local_instance_concurrency():
    local = yaml.safe_load((ROOT / "config" / "dagster.yaml").read_text())
    postgres = yaml.safe_load(POSTGRES_CONFIG.read_text())
    assert postgres["concurrency"] == local["concurrency"]


def test_a_pool_left_to_its_default_limit_cannot_be_initialized_twice_on_postgres(
    postgres_server, deployment
):
    """Why the deployment sets the warehouse pool's limit explicitly: Dagster 1.13 creates a pool's row
    from the default limit the first time a run needs it, and on PostgreSQL a second creation (two runs
    reaching the pool at once) fails inside an aborted transaction. When this test fails, Dagster has
    fixed it and the explicit step may go."""
    from psycopg2.errors import InFailedSqlTransaction
    from sqlalchemy.exc import InternalError

    with deployment.instance() as first, deployment.instance() as second:
        assert first.event_log_storage.initialize_concurrency_limit_to_default("another_pool")
        with pytest.raises(InternalError) as raised:
            second.event_log_storage.initialize_concurrency_limit_to_default("another_pool")
        assert isinstance(raised.value.orig, InFailedSqlTransaction)
        # the warehouse limit was set explicitly, not from the default: runs never re-create it
        limits = {pool.name: pool for pool in first.event_log_storage.get_pool_limits()}
        assert (limits[WAREHOUSE_POOL].limit, limits[WAREHOUSE_POOL].from_default) == (1, False)
        assert limits["another_pool"].from_default
