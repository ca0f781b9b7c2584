import os
import secrets
import subprocess
import sys
import uuid

from django.conf import settings

import pytest

from tests.helpers.services import shared_database_url

# Production settings refuse to load without PostgreSQL and Redis. Importing them
# connects to neither, so these placeholders do for everything that needs no
# database: hosts under .invalid never resolve, so nothing can reach a real server.
PLACEHOLDER_DATABASE_URL = "postgres://ivho@database.invalid:5432/ivho"
PLACEHOLDER_REDIS_URL = "redis://redis.invalid:6379/0"
OUTER_VARIABLES_DROPPED = (
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
)


@pytest.fixture(scope="session")
def production_env():
    """The environment for a process running the production settings.

    Only what is given here counts: DJANGO_* variables of the outer environment
    are dropped, and so are the URLs of the test run's database, Redis and
    broker: the process gets placeholders that connect nowhere.
    A value of None leaves the variable out.
    """

    def make(**overrides):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("DJANGO_") and key not in OUTER_VARIABLES_DROPPED
        }
        env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
        env["DATABASE_URL"] = PLACEHOLDER_DATABASE_URL
        env["REDIS_URL"] = PLACEHOLDER_REDIS_URL
        env["TRUSTED_PROXY_COUNT"] = "1"
        env.update(overrides)
        return {key: value for key, value in env.items() if value is not None}

    return make


@pytest.fixture(scope="session")
def run_production(production_env):
    """Run a command (`python` means this interpreter) with the production settings."""

    def run(args, timeout=120, **environ):
        if args[0] == "python":
            args = [sys.executable, *args[1:]]
        return subprocess.run(
            args,
            cwd=settings.BASE_DIR,
            env=production_env(**environ),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run


@pytest.fixture(scope="session")
def app_process_env(production_env, django_db_setup):
    """The environment for an app process (gunicorn) on the test database and Redis.

    For PostgreSQL runs only: a separate process cannot reach an SQLite test database.
    """

    def make(settings_module, **overrides):
        return production_env(
            DJANGO_SETTINGS_MODULE=settings_module,
            DATABASE_URL=shared_database_url(),
            # No connection kept open: the test database is dropped at the end.
            DATABASE_CONN_MAX_AGE="0",
            REDIS_URL=os.environ["REDIS_URL"],
            CACHE_KEY_PREFIX=f"ivho-test-{uuid.uuid4().hex[:12]}",
            **overrides,
        )

    return make


@pytest.fixture(scope="session")
def production_static(run_production, tmp_path_factory):
    """collectstatic with the production settings (manifest and all), once per session."""
    static_root = tmp_path_factory.mktemp("production-static")
    result = run_production(
        ["python", "manage.py", "collectstatic", "--noinput"],
        DJANGO_STATIC_ROOT=str(static_root),
        DATABASE_URL=os.environ.get("DATABASE_URL"),
        REDIS_URL=os.environ.get("REDIS_URL"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return static_root
