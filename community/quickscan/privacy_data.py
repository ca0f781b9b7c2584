"""Personal data in the quickscan, for the AVG export and account erasure.

A scan belongs to the institution, not to the people who filled it in. The
export lists what a person contributed (scans started or submitted, answers
last changed, actions created); erasure unlinks the person from all of it and
leaves the institution's scan, answers and action plan in place.
"""

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
        "quickscan_antwoorden": [
            {
                "instelling": answer.scan.institution.name,
                "vraag": answer.question.text,
                "niveau": answer.level,
                "niet_van_toepassing": answer.not_applicable,
                "onderbouwing": answer.evidence,
                "zekerheid": answer.get_confidence_display(),
                "gewijzigd_op": _date(answer.updated_at),
            }
            for answer in Answer.objects.filter(answered_by=user)
            .select_related("scan__institution", "question")
            .order_by("updated_at", "pk")
        ],
        "quickscan_acties": [
            {
                "instelling": action.scan.institution.name,
                "actie": action.title,
                "eigenaar": action.owner,
                "gereed_op": _date(action.due_date),
                "status": action.get_status_display(),
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
