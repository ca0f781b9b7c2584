"""Personal data in event registrations, for the AVG export and account erasure.

A provider in community.privacy's registry (registered in apps.py).
Registrations are found by account and by the person's addresses, so one made
as a guest before they had an account is included too.
"""

from django.db.models import Q
from django.utils import timezone

from community.outbox.privacy_data import user_addresses

from .models import CalendarFeed, Registration
from .services import registrations_erase_person


def _mine(user):
    return Registration.objects.filter(
        Q(user=user) | Q(email__in=user_addresses(user))
    ).select_related("event")


def export(user):
    return {
        "aanmeldingen_bijeenkomsten": [
            {
                "bijeenkomst": registration.event.title,
                "begint_op": timezone.localtime(registration.event.start).isoformat(),
                "status": registration.get_status_display(),
                "naam": registration.name,
                "e-mailadres": registration.email,
                "instelling": registration.institution_name,
                "antwoorden": registration.answers,
                "aangemeld_op": registration.created_at.isoformat(),
                "afgemeld_op": (
                    registration.cancelled_at.isoformat() if registration.cancelled_at else None
                ),
            }
            for registration in _mine(user).order_by("created_at", "pk")
        ],
        "agenda_feed": [
            {"aangemaakt_op": feed.created_at.isoformat()}
            for feed in CalendarFeed.objects.filter(user=user)
        ],
    }


def erase(user):
    """Cancel future registrations (the waitlist moves up) and anonymise all of them."""
    registrations_erase_person(user=user, addresses=user_addresses(user))
    CalendarFeed.objects.filter(user=user).delete()
