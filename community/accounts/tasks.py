"""Periodic work of the accounts app."""

from celery import shared_task

from . import services


@shared_task
def cache_guard_prune() -> int:
    return services.cache_guard_prune()
