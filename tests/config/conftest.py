import os
import secrets
import subprocess
import sys

from django.conf import settings

import pytest


@pytest.fixture(scope="session")
def production_env():
    """The environment for a process running the production settings.

    Only what is given here counts: DJANGO_* variables of the outer environment
    are dropped, and so is DATABASE_URL (SQLite: these checks need no database).
    A value of None leaves the variable out.
    """

    def make(**overrides):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("DJANGO_") and key != "DATABASE_URL"
        }
        env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
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
