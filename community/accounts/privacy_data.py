"""What logging in keeps that is not per person: counters of attempts, and sessions.

Declared to community.privacy (no download or erasure: the counters are keyed
by IP address or a hash of an address and expire by themselves).
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allauth.core.internal.ratelimit import parse_rates

from community.privacy.registry import Declaration

from .adapter import DEVICE_MAX_AGE

DAY = 24 * 60 * 60


def longest_rate_window() -> float:
    """The longest window of any rate limit in ACCOUNT_RATE_LIMITS, in seconds."""
    return max(
        rate.duration
        for rates in settings.ACCOUNT_RATE_LIMITS.values()
        for rate in parse_rates(rates)
    )


def _days(seconds: float) -> str:
    days = max(1, round(seconds / DAY))
    return ngettext("%(days)d dag", "%(days)d dagen", days) % {"days": days}


def declaration() -> Declaration:
    return Declaration(
        title=_("Beveiliging van inloggen"),
        data=[
            _("hoe vaak er vanaf een IP-adres of voor een e-mailadres (onleesbaar gemaakt) "
              "is geprobeerd in te loggen, een account te maken, een wachtwoord te herstellen "
              "of iets te plaatsen"),
            _("een sessie zolang je bent ingelogd"),
            _("een cookie in je browser dat onthoudt dat je daar eerder inlogde (je "
              "e-mailadres staat er alleen onleesbaar in), zodat wie je adres probeert te "
              "raden jou daar niet kan buitensluiten"),
        ],
        purpose=_("Om het raden van wachtwoorden en misbruik van formulieren tegen te gaan, "
                  "en om je ingelogd te houden."),
        retention=_("De tellingen verlopen vanzelf, uiterlijk na %(window)s. Een sessie "
                    "eindigt als je uitlogt, en anders na %(session)s. Het browsercookie "
                    "verloopt na %(device)s.")
        % {"window": _days(longest_rate_window()),
           "session": _days(settings.SESSION_COOKIE_AGE),
           "device": _days(DEVICE_MAX_AGE)},
    )
