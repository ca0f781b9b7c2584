"""The events app's models: the agenda and event pages, and who registered for what."""

from .pages import EventIndexPage, EventPage, EventPageQuerySet
from .registrations import (
    Broadcast,
    CalendarFeed,
    EventSeats,
    Registration,
    RegistrationQuestion,
    new_feed_token,
)

__all__ = [
    "Broadcast",
    "CalendarFeed",
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "EventSeats",
    "Registration",
    "RegistrationQuestion",
    "new_feed_token",
]
