"""Publishing an event page tells its registrants about a new time, place or cancellation.

Connected in EventsConfig.ready(). The service runs inside the publish
transaction, so its outbox rows commit (or roll back) with the new revision.
"""

from wagtail.signals import page_published

from .models import EventPage
from .services import event_changes_notify


def notify_registrants(sender, instance, **kwargs):
    event_changes_notify(event=instance)


def connect():
    page_published.connect(
        notify_registrants, sender=EventPage, dispatch_uid="events_notify_registrants"
    )
