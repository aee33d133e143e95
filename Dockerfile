# heroku-assets: one image for the Dagster code server and run workers, and for the drain receiver.
#   docker build -t heroku-assets:0.1.0 .
# Dagster's own webserver and daemon run from Dagster's images (the Helm chart's defaults) at the same
# Dagster version; this image holds the project's code and what it needs to reach Synapse.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DAGSTER_HOME=/opt/dagster/dagster_home \
    HEROKU_ASSETS_DATA_DIR=/var/lib/heroku-assets \
    HEROKU_DRAIN_SPOOL_DIR=/var/spool/heroku-drain
# HEROKU_ASSETS_START_DATE, the first day with log partitions, is the deployment's to set (the code
# server's environment, deploy/helm/values.yaml), not the image's.

# unixODBC (pyodbc loads libodbc.so.2; odbcinst registers the driver) and the libraries Microsoft's
# ODBC Driver 18 links against (Kerberos, the C++ runtime). Versions follow the base image's Debian
# release, so that a rebuild picks up its security fixes.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends unixodbc odbcinst libgssapi-krb5-2 libstdc++6 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/heroku-assets

# Every version from the lock; only what the package needs at run time is installed, plus the
# mssql-python-odbc wheel that carries ODBC Driver 18.
COPY requirements.lock pyproject.toml README.md ./
COPY heroku_assets ./heroku_assets
RUN pip install -c requirements.lock . mssql-python-odbc

# Register "ODBC Driver 18 for SQL Server" system-wide (/etc/odbcinst.ini) from the wheel, as
# .ci/install-odbc does for a developer's checkout: the shared object's path depends on the wheel.
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN driver="$(python -c 'import glob, os, mssql_python_odbc as m; print(sorted(glob.glob(os.path.join(m.get_libs_dir(), "linux", "debian_ubuntu", "x86_64", "lib", "libmsodbcsql-18*.so*")))[-1])')" \
    && printf '[ODBC Driver 18 for SQL Server]\nDescription=Microsoft ODBC Driver 18 for SQL Server\nDriver=%s\n' "$driver" \
        | odbcinst -i -d -r \
    && python -c 'import pyodbc, sys; sys.exit(0 if "ODBC Driver 18 for SQL Server" in pyodbc.drivers() else "driver not registered")'

COPY workspace.yaml ./
COPY config ./config

# A user without a login or root rights; Kubernetes can check runAsNonRoot against the numeric id.
RUN groupadd --system --gid 10001 heroku \
    && useradd --system --uid 10001 --gid heroku --home-dir /opt/heroku-assets --shell /usr/sbin/nologin heroku \
    && mkdir -p "$DAGSTER_HOME" "$HEROKU_ASSETS_DATA_DIR" "$HEROKU_DRAIN_SPOOL_DIR" \
    && chown heroku:heroku "$DAGSTER_HOME" "$HEROKU_ASSETS_DATA_DIR" "$HEROKU_DRAIN_SPOOL_DIR"
USER 10001:10001

EXPOSE 8080 3030
# The drain receiver by default; the Helm chart runs `dagster api grpc -m heroku_assets.definitions`
# for the code server and `dagster api execute_run` for each run in the same image.
CMD ["heroku-assets", "drain", "serve", "--host", "0.0.0.0", "--port", "8080"]
