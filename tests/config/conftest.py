import os
import secrets
import subprocess
import sys

from django.conf import settings

import pytest

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
