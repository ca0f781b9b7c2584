"""Celery tasks: thin wrappers around the outbox services."""

from celery import shared_task

from . import selectors, services


@shared_task
def outbox_deliver(mail_id: int) -> bool:
    return services.outbox_deliver(mail_id=mail_id)


@shared_task
def outbox_sweep() -> int:
    """Deliver mail whose dispatch was lost (broker down, worker crashed)."""
    pending = selectors.outbox_pending_ids()
    return sum(services.outbox_deliver(mail_id=mail_id) for mail_id in pending)


@shared_task
def outbox_prune() -> int:
    return services.outbox_prune()
