"""Rate limits for what members post and guests sign up for, on allauth's counters.

allauth already counts attempts per user, IP or key in the shared cache; its
public `consume()` reads the limits from ACCOUNT_RATE_LIMITS, where ours sit
beside the account ones (see config/settings/base.py). While Redis is down the
counters live in the database (config.cache), so no limit fails open: posting
and guest sign-ups store content and mail addresses that someone typed.
"""

from django.utils.translation import gettext_lazy as _

from allauth.core import ratelimit

TOO_MANY = _(
    "Je hebt kort na elkaar veel geplaatst. Wacht een paar minuten en probeer "
    "het opnieuw; je tekst staat er nog."
)


def within_limit(request, *, action: str, key: str | None = None) -> bool:
    """Count one `action` for this request; False once its limit is reached.

    `key` is what a "…/key" rate counts by (an e-mail address, say).
    """
    return bool(ratelimit.consume(request, action=action, key=key))
