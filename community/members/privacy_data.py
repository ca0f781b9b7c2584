"""The account itself, for the AVG export and account erasure: the last provider to run.

Registered in community.privacy's last stage: other providers still find the
person's e-mail addresses (the outbox does) before this one deletes them.
"""

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from community.privacy.registry import Declaration

from .models import Profile

logger = logging.getLogger(__name__)


def _date(value):
    return value.isoformat() if value else None


def export(user):
    return {
        "account": {
            "e-mailadres": user.email,
            "gebruikersnaam": user.username,
            "voornaam": user.first_name,
            "achternaam": user.last_name,
            "aangemaakt_op": _date(user.date_joined),
            "laatst_ingelogd": _date(user.last_login),
            "actief": user.is_active,
            "groepen": sorted(user.groups.values_list("name", flat=True)),
            "contactpersoon_voor": sorted(user.contact_for.values_list("name", flat=True)),
        },
        "e-mailadressen": [
            {"e-mailadres": address.email, "geverifieerd": address.verified,
             "primair": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        # Type and dates only: the TOTP secret and recovery codes stay secret.
        "tweestapsverificatie": [
            {"soort": authenticator.get_type_display(), "soort_code": authenticator.type,
             "ingesteld_op": _date(authenticator.created_at),
             "laatst_gebruikt_op": _date(authenticator.last_used_at)}
            for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "profiel": _profile_export(user),
    }


def _profile_export(user):
    profile = (
        Profile.objects.select_related("institution", "decided_by")
        .prefetch_related("expertise")
        .filter(user=user)
        .first()
    )
    if profile is None:
        return None
    decided_by = profile.decided_by
    return {
        "naam": profile.display_name,
        "instelling": profile.institution.name if profile.institution else None,
        "opgegeven_instelling": profile.requested_institution,
        "lidmaatschap": profile.get_status_display(),
        "lidmaatschap_code": profile.status,
        "lidmaatschap_gewijzigd_op": _date(profile.status_changed_at),
        # The name of whoever decided, not their address.
        "beoordeeld_door": (decided_by.get_full_name() or "een beheerder") if decided_by else None,
        "adres_bij_besluit": profile.affiliation_email,
        "functie": profile.function,
        "expertise": [theme.title for theme in profile.expertise.all()],
        "over_mij": profile.bio,
        "foto": bool(profile.photo),
        "zichtbaarheid": profile.get_visibility_display(),
        "e-mail_over_reacties": profile.get_notification_frequency_display(),
        "aangemaakt_op": _date(profile.created_at),
        "gewijzigd_op": _date(profile.updated_at),
    }


def erase(user):
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        if profile.photo:
            storage, name = profile.photo.storage, profile.photo.name
            # The file goes once the deletion is committed; a rollback keeps everything.
            transaction.on_commit(lambda: storage.delete(name))
        profile.expertise.clear()
        profile.delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user_sessions_delete(user)


def user_sessions_delete(user):
    """Log the person out everywhere.

    Django keeps no index from user to session, so this reads every stored
    session once; account deletion is rare enough for that. Works for the
    database-backed engines (db, cached_db); a cache-only engine cannot be
    listed, and its sessions end when the account row is gone (the user id in
    them no longer resolves).
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        logger.warning("Sessions of a deleted account not listed: %s", settings.SESSION_ENGINE)
        return
    model = store_class.get_model_class()
    user_id = str(user.pk)
    for session in model.objects.iterator(chunk_size=500):
        if str(session.get_decoded().get(SESSION_KEY)) == user_id:
            # Through the store, so a cached copy (cached_db) goes as well.
            store_class(session_key=session.session_key).delete()


def declaration() -> Declaration:
    return Declaration(
        title=_("Je account en profiel"),
        data=[
            _("je naam en e-mailadressen, en je wachtwoord (alleen als onleesbare hash)"),
            _("de sleutel en herstelcodes van inloggen in twee stappen, als je dat aanzet"),
            _("je instelling, of je lidmaatschap is goedgekeurd en door wie"),
            _("wat je in je profiel zet: functie, expertise, 'over mij' en een foto "
              "(zonder de gegevens die een camera erin opslaat)"),
            _("wie je profiel mag zien en hoe vaak je e-mail wilt"),
            _("wanneer je account is gemaakt en wanneer je het laatst inlogde"),
        ],
        purpose=_("Om je te laten inloggen, je als lid toegang te geven tot wat alleen "
                  "binnen het netwerk wordt gedeeld, en zodat collega's uit de sector je "
                  "kunnen vinden. Je e-mailadres tonen we nooit aan anderen."),
        retention=_("Zolang je account bestaat. Je verwijdert het zelf onder 'Mijn "
                    "gegevens'; dan gaat alles hierboven direct weg."),
    )
