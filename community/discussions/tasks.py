"""Celery tasks: thin wrappers around the discussion services."""

from celery import shared_task

from . import selectors, services


@shared_task
def discussions_notify(comment_id: int) -> int:
    """Mail followers who want a mail per comment (queued when the comment commits)."""
    return services.comment_notify(comment_id=comment_id)


@shared_task
def discussions_notify_sweep() -> int:
    """Notify about comments whose task was lost (broker down at commit)."""
    return sum(
        services.comment_notify(comment_id=comment_id)
        for comment_id in selectors.comments_to_notify()
    )


@shared_task
def discussions_digest() -> int:
    """The daily digest (beat, 07:00 Europe/Amsterdam)."""
    return services.digest_send()
