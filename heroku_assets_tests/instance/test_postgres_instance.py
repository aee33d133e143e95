"""config/dagster-postgres.yaml on a real PostgreSQL server: the instance it makes."""

import yaml

from heroku_assets_tests.instance.conftest import POSTGRES_CONFIG, ROOT


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
        # the pool the warehouse steps name gets the default limit of one slot
        instance.event_log_storage.initialize_concurrency_limit_to_default("warehouse")
        assert instance.event_log_storage.get_concurrency_info("warehouse").slot_count == 1


def test_the_postgres_instance_keeps_the_local_instance_concurrency():
    local = yaml.safe_load((ROOT / "config" / "dagster.yaml").read_text())
    postgres = yaml.safe_load(POSTGRES_CONFIG.read_text())
    assert postgres["concurrency"] == local["concurrency"]
