"""Helpers for the outbox tests."""

import contextlib
from datetime import timedelta
from unittest import mock

from django.db import connection
from django.utils import timezone

import pytest
from kombu import pools

from config.celery_app import app as celery_app

OUTBOX_BACKEND = "community.outbox.backends.OutboxBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
)


@contextlib.contextmanager
def celery_config(**overrides):
    """Change the Celery app's configuration for the length of a block.

    Celery copies Django's settings the first time its configuration is read,
    so the `settings` fixture does not reach it: change Celery's here instead.
    Cached broker connections are dropped on the way in and out, so the new
    (and then the old) broker URL is used.
    """
    # The first read replaces app.conf with the loaded configuration: no alias.
    saved = {key: celery_app.conf[key] for key in overrides}
    celery_app.conf.update(overrides)
    _drop_broker_connections()
    try:
        yield
    finally:
        celery_app.conf.update(saved)
        _drop_broker_connections()


def _drop_broker_connections():
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    pools.reset()  # kombu's process-wide connection and producer pools


@contextlib.contextmanager
def clock_moved(by):
    """Let the services believe `by` has passed (they call timezone.now())."""
    later = timezone.now() + by
    with mock.patch("django.utils.timezone.now", return_value=later):
        yield later


def far_future():
    return clock_moved(timedelta(days=2))
