"""Personal data in the quickscan, for the AVG export and account erasure.

A scan belongs to the institution, not to the people who filled it in: its
levels, evidence notes and plan are the institution's records (and an answer
a person saved last may hold a colleague's words). So the export shows what
identifies the person's own involvement only: which scans they started or
submitted, which questions they answered last and when, and the actions they
created; not the scan's content, which may also be of an institution they
have since left. Erasure unlinks the person from all of it and leaves the
institution's scan, answers and action plan in place.
"""

from django.utils.translation import gettext as _

from community.privacy.registry import Declaration

from .models import Action, Answer, Scan


def _date(value):
    return value.isoformat() if value else None


def export(user):
    scans = Scan.objects.filter(started_by=user) | Scan.objects.filter(submitted_by=user)
    return {
        "quickscans": [
            {
                "instelling": scan.institution.name,
                "versie": scan.version.title,
                "gestart_door_jou": scan.started_by_id == user.pk,
                "ingediend_door_jou": scan.submitted_by_id == user.pk,
                "gestart_op": _date(scan.started_at),
                "ingediend_op": _date(scan.submitted_at),
            }
            for scan in scans.distinct().select_related("institution", "version")
            .order_by("started_at", "pk")
        ],
        # Which question the person answered last, and when; not what the answer is.
        "quickscan_antwoorden": [
            {
                "instelling": answer.scan.institution.name,
                "quickscan": answer.scan.version.title,
                "vraag": answer.question.text,
                "laatst_door_jou_gewijzigd_op": _date(answer.updated_at),
            }
            for answer in Answer.objects.filter(answered_by=user)
            .select_related("scan__institution", "scan__version", "question")
            .order_by("updated_at", "pk")
        ],
        "quickscan_acties": [
            {
                "instelling": action.scan.institution.name,
                "actie": action.title,
                "aangemaakt_op": _date(action.created_at),
            }
            for action in Action.objects.filter(created_by=user)
            .select_related("scan__institution")
            .order_by("created_at", "pk")
        ],
    }


def erase(user):
    """Unlink the person; the institution's scan and plan stay (they are its records)."""
    Scan.objects.filter(started_by=user).update(started_by=None)
    Scan.objects.filter(submitted_by=user).update(submitted_by=None)
    Answer.objects.filter(answered_by=user).update(answered_by=None)
    Action.objects.filter(created_by=user).update(created_by=None)


def declaration() -> Declaration:
    return Declaration(
        title=_("De quickscan van je instelling"),
        data=[
            _("welke scans je startte of indiende"),
            _("welke antwoorden je het laatst opsloeg, en wanneer"),
            _("de acties die je in het actieplan zette"),
        ],
        purpose=_("Om met collega's van je eigen instelling samen een scan in te vullen. "
                  "Andere instellingen zien nooit jullie scan; de vergelijking met de "
                  "sector toont alleen cijfers over meerdere instellingen samen."),
        retention=_("De scan hoort bij je instelling en blijft bestaan. Verwijder je je "
                    "account, dan halen we je naam eraf."),
    )
