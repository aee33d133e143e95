# heroku-assets: the commands a user runs. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HEROKU_ASSETS_DATA_DIR ?= $(CURDIR)/data
export DAGSTER_HOME ?= $(HEROKU_ASSETS_DATA_DIR)/dagster_home
export ODBCSYSINI ?= $(CURDIR)/.tools/odbc

SAMPLE_DIR := $(HEROKU_ASSETS_DATA_DIR)/samples

.PHONY: install run dev test lint bench clean lock

$(BIN)/heroku-assets: pyproject.toml requirements.lock
	@echo "make install: creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	@echo "make install: installing pip and uv"
	$(BIN)/python -m pip install -q --upgrade pip uv
	@echo "make install: installing the locked dependencies (requirements.lock; about 20 s the first time)"
	$(BIN)/uv pip install -p $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install -q -p $(BIN)/python --no-deps -e .
	touch $@
	@echo "make install: done; the commands are in $(BIN)/ (try $(BIN)/heroku-assets --help)"

install: $(BIN)/heroku-assets

$(DAGSTER_HOME)/dagster.yaml: config/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp config/dagster.yaml $@

# The main job on the embedded default: sample logs for 3 apps x the 3 days before today, imported, every
# partition materialized through raw -> parsed/staged -> DuckDB, then a summary from the warehouse. The
# sample's default days are those the partitions start with when HEROKU_ASSETS_START_DATE is unset
# (DEFAULT_HISTORY_DAYS in heroku_assets/settings.py), so the UI opens on what exists.
run: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/heroku-assets sample --out $(SAMPLE_DIR) --apps 3 --format text
	for dir in $(SAMPLE_DIR)/*/; do $(BIN)/heroku-assets import $$dir*.log --app $$(basename $$dir); done
	$(BIN)/heroku-assets run

# The Dagster UI on the same data: lineage, partitions, schedule, sensor, checks, metadata.
dev: install $(DAGSTER_HOME)/dagster.yaml
	VIRTUAL_ENV=$(CURDIR)/$(VENV) PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/dg dev

# Two workers (pytest-xdist) taking tests as they free up (worksteal: long tests do not queue behind one
# another); a line per test as it ends, and the slowest tests at the end.
test: install
	.ci/install-odbc
	.ci/install-azurite
	.ci/install-postgres
	.ci/install-chromium
	$(BIN)/pytest -n 2 --dist worksteal -v --durations=25

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile
	$(BIN)/kubernetes-validate --strict --quiet deploy/k8s/*.yaml

bench: install
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_graph.py
	$(BIN)/python bench/bench_drain.py
	$(BIN)/python bench/bench_api_rows.py
	$(BIN)/python bench/bench_api_day.py

# Re-resolve the lock after changing pyproject.toml (a requirements-style file: no index URLs in it).
lock: install
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --extra azure --extra bench --no-header -o requirements.lock

clean:
	rm -rf $(HEROKU_ASSETS_DATA_DIR)
