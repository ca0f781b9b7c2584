"""allauth's account events, turned into profile and membership changes.

Connected in MembersConfig.ready(). Each receiver is a thin call into services.
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from .models import Profile
from .services import profile_get_or_create, profile_membership_sync

PENDING_NOTICE = _(
    "Je aanmelding als lid wacht op goedkeuring door de redactie of een contactpersoon "
    "van je instelling. Tot dan zie je alleen de openbare informatie; je krijgt een "
    "e-mail zodra er een besluit is."
)
REJECTED_NOTICE = _(
    "Je aanmelding als lid is niet goedgekeurd; je ziet alleen de openbare informatie. "
    "Neem contact op met de redactie als je denkt dat dit niet klopt."
)


def profile_on_signup(sender, request, user, **kwargs):
    """Every new account has a profile (pending until the rules or a person decide)."""
    profile_get_or_create(user=user)


def membership_on_email_confirmed(sender, request, email_address, **kwargs):
    profile_membership_sync(user=email_address.user, request=request)


def membership_on_email_changed(sender, request, user, **kwargs):
    profile_membership_sync(user=user, request=request)


def membership_notice_on_login(sender, request, user, **kwargs):
    """Make sure the profile exists, and tell someone who is not (yet) a member why."""
    profile = profile_get_or_create(user=user)
    notice = {Profile.Status.PENDING: PENDING_NOTICE,
              Profile.Status.REJECTED: REJECTED_NOTICE}.get(profile.status)
    if notice and request is not None:
        messages.info(request, notice, fail_silently=True)
