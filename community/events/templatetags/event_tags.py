"""Template tags that put what the events app knows on pages.

Pages of other apps (the cms home page) and this app's own page templates reach
registrations through these tags, so no page model has to import the views or
selectors that sit above it:

- {% online_link page as online_url %}: the online meeting link when the viewer
  may have it (a confirmed seat, or edit rights on the page: see permissions.py),
  else "".
- {% registration_box page as box %}: the registration box's context for this
  viewer, or None when the page takes no registrations.
- {% card_seats_left event as left %}: free seats on an agenda card, or None.
- {% upcoming_events 3 %}: the home page's "Komende bijeenkomsten" section.
"""

from django import template
from django.utils import timezone

from .. import selectors
from ..models import EventPage
from ..permissions import may_see_online_link
from ..views import registration_box as registration_box_context

register = template.Library()


@register.simple_tag(takes_context=True)
def online_link(context, event: EventPage) -> str:
    # Wagtail's preview renders with a request too; its user is the editor.
    user = getattr(context.get("request"), "user", None)
    return event.online_url if may_see_online_link(user, event) else ""


@register.simple_tag(takes_context=True)
def registration_box(context, event: EventPage) -> dict | None:
    if not event.registration_enabled:
        return None
    return registration_box_context(context["request"], event)


@register.simple_tag
def card_seats_left(event: EventPage) -> int | None:
    return selectors.card_seats_left(event=event, now=timezone.now())


@register.inclusion_tag("events/upcoming_events.html", takes_context=True)
def upcoming_events(context, limit: int) -> dict:
    # The request goes along so {% pageurl %} resolves against the current site.
    return {
        "request": context.get("request"),
        "upcoming_events": selectors.upcoming_events(limit=limit),
    }
