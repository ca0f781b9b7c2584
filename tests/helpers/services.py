"""PostgreSQL and Redis as other processes (gunicorn, Celery) reach them in tests."""

import os
from urllib.parse import urlsplit

from django.db import connection

import pytest

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
)
requires_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs Redis (set REDIS_URL)"
)


def shared_database_url() -> str:
    """DATABASE_URL for pytest-django's database (test_<name>), not the one it names."""
    url = urlsplit(os.environ["DATABASE_URL"])
    return url._replace(path=f"/{connection.settings_dict['NAME']}").geturl()
