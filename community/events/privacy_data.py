"""Personal data in event registrations, for the AVG export and account erasure.

A provider in community.privacy's registry (registered in apps.py).
Registrations are found by account and by the person's addresses, so one made
as a guest before they had an account is included too.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.outbox.privacy_data import user_addresses
from community.privacy.registry import Declaration

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


def declaration() -> Declaration:
    return Declaration(
        title=_("Aanmeldingen voor bijeenkomsten"),
        data=[
            _("je naam, e-mailadres en instelling, ook als je je als gast aanmeldt"),
            _("je antwoorden op de vragen bij de aanmelding"),
            _("of je een plek hebt, op de wachtlijst staat of hebt afgemeld"),
            _("de geheime link van je persoonlijke agenda"),
        ],
        purpose=_("Om de bijeenkomst te organiseren en je bevestiging, wijzigingen en "
                  "een herinnering te sturen."),
        retention=_("Tot %(days)d dagen na de bijeenkomst; daarna verwijderen we je naam, "
                    "adres en antwoorden en tellen we alleen nog mee dat er iemand was. "
                    "Verwijder je je account, dan annuleren we je komende aanmeldingen en "
                    "maken we de rest direct anoniem.")
        % {"days": settings.EVENTS_ANONYMISE_AFTER_DAYS},
    )
