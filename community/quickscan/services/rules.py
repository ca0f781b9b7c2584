"""Who may write what, and the messages people get when a rule is broken.

Who asks is checked first: scan data of another institution raises
PermissionDenied (views turn that into the same 404 as a scan that does not
exist). Input that breaks a rule raises ValidationError with a Dutch message for
the member, before anything is stored.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from community.members.models import Institution

from ..access import member_institution
from ..models import Action, Scan

NOT_YOURS = _("Deze quickscan bestaat niet of is niet van jouw instelling.")
NO_INSTITUTION = _(
    "De quickscan is voor leden van een universiteit of hogeschool. Je profiel is niet "
    "gekoppeld aan zo'n instelling; neem contact op met de redactie als dat niet klopt."
)
SUBMITTED = _(
    "Deze quickscan is al ingediend en kan niet meer worden gewijzigd. Start een nieuwe "
    "quickscan om de stand opnieuw vast te leggen."
)
DRAFT_EXISTS = _(
    "Er loopt al een quickscan voor je instelling. Vul die samen met je collega's verder in."
)
NOT_PUBLISHED = _("Deze versie van de quickscan is nog niet gepubliceerd.")
ALREADY_PUBLISHED = _("Deze versie is al gepubliceerd.")
FOREIGN_QUESTION = _(
    "Er is een antwoord meegestuurd op een vraag die niet in deze quickscan staat "
    "(vraag {question_id}). Er is niets opgeslagen; laad de pagina opnieuw en probeer het nog eens."
)
EVIDENCE_WITHOUT_LEVEL = _(
    "Kies een niveau of 'niet van toepassing' om je onderbouwing bij deze vraag op te slaan."
)
EVIDENCE_CONTROL_CHARACTERS = _(
    "De onderbouwing bevat onzichtbare stuurtekens (bijvoorbeeld uit een gekopieerd "
    "document). Haal ze weg of typ de tekst opnieuw."
)
CLEAR_WITH_EVIDENCE = _(
    "Je wist het niveau, maar er staat nog een onderbouwing. Haal ook die weg, of kies een "
    "niveau om de onderbouwing te bewaren."
)
EVIDENCE_TOO_LONG = _("Houd de onderbouwing korter dan {max} tekens (nu {length}).")
BAD_CONFIDENCE = _("Kies hoe zeker je bent: onzeker, redelijk zeker of zeker.")
INCOMPLETE = _(
    "Nog niet alle vragen zijn beantwoord ({count} open). Beantwoord ze, desnoods met "
    "'niet van toepassing', voordat je de quickscan indient."
)
ACTIONS_AFTER_SUBMIT = _(
    "Acties plan je op basis van de resultaten: dien de quickscan eerst in."
)
FOREIGN_CELL = _("Kies een thema en processtap uit deze quickscan.")
FOREIGN_INSTRUMENT = _("Dit instrument bestaat niet of is niet zichtbaar; kies een ander.")
BAD_ACTION_STATUS = _("Kies een geldige status: gepland, in uitvoering, afgerond of vervallen.")
ACTION_TITLE_MISSING = _("Beschrijf de actie in een paar woorden.")
ACTION_TITLE_TOO_LONG = _("Houd de actie korter dan 200 tekens.")
ACTION_OWNER_MISSING = _("Geef aan wie de actie trekt (een rol of afdeling).")
ACTION_OWNER_TOO_LONG = _("Houd de eigenaar korter dan 120 tekens.")
ACTION_DESCRIPTION_TOO_LONG = _("Houd de toelichting korter dan 2000 tekens.")
ACTION_DUE_DATE_MISSING = _("Geef een datum waarop de actie klaar moet zijn.")


def require_institution(user: Any) -> Institution:
    institution = member_institution(user)
    if institution is None:
        raise PermissionDenied(NO_INSTITUTION)
    return institution


def require_own_scan(*, user: Any, scan: Scan, lock: bool = False) -> Scan:
    """The scan, fresh from the database (locked when asked), if it is the user's institution's."""
    institution = require_institution(user)
    queryset = Scan.objects.select_for_update() if lock else Scan.objects
    fresh = queryset.filter(pk=scan.pk, institution=institution).first()
    if fresh is None:
        raise PermissionDenied(NOT_YOURS)
    return fresh


def require_draft(scan: Scan) -> None:
    if scan.status != Scan.Status.DRAFT:
        raise ValidationError(SUBMITTED, code="submitted")


def require_own_action(*, user: Any, action: Action) -> Action:
    """The action, fresh and locked, if it belongs to a scan of the user's institution."""
    institution = require_institution(user)
    fresh = Action.objects.select_for_update().select_related("scan").filter(
        pk=action.pk, scan__institution=institution
    ).first()
    if fresh is None:
        raise PermissionDenied(NOT_YOURS)
    return fresh
