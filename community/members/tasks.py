"""Periodic work of the members app."""

from celery import shared_task

from .services import cache_guard_prune as prune


@shared_task
def cache_guard_prune() -> int:
    return prune()
