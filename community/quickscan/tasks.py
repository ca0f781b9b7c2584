"""Celery tasks: thin wrappers around the quickscan services."""

from celery import shared_task

from . import services


@shared_task
def quickscan_benchmark_publish() -> int:
    """This quarter's benchmark snapshot of every cohort (beat, daily: only the first run
    in a quarter computes anything). Returns how many cohorts have a published one."""
    return sum(1 for snapshot in services.benchmark_publish() if snapshot.published)
