"""Writes for the quickscan: versions (editors), scans and answers, the action plan.

Every function takes keyword arguments only and checks its own rules, so a
view (or a shell) cannot skip them. Who asks is checked first: scan data of
another institution raises PermissionDenied (views turn that into the same 404
as a scan that does not exist). Input that breaks a rule raises
ValidationError with a Dutch message for the member, before anything is stored.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.models import ThemePage
from cms.selectors import visible_instruments

from .access import member_institution
from .cohorts import cohort_of
from .models import Action, Answer, Confidence, Question, QuickscanVersion, Scan
from .models.levels import LEVEL_MAX, LEVEL_MIN
from .models.scans import EVIDENCE_MAX_LENGTH

NOT_APPLICABLE = "nvt"
CLEAR = "leeg"
# Control characters other than tab and newline (and CR, which browsers send with
# newlines): PostgreSQL refuses NUL in text, and none of them belongs in a note.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

NOT_YOURS = "Deze quickscan bestaat niet of is niet van jouw instelling."
NO_INSTITUTION = (
    "De quickscan is voor leden van een universiteit of hogeschool. Je profiel is niet "
    "gekoppeld aan zo'n instelling; neem contact op met de redactie als dat niet klopt."
)
SUBMITTED = (
    "Deze quickscan is al ingediend en kan niet meer worden gewijzigd. Start een nieuwe "
    "quickscan om de stand opnieuw vast te leggen."
)
DRAFT_EXISTS = (
    "Er loopt al een quickscan voor je instelling. Vul die samen met je collega's verder in."
)
NOT_PUBLISHED = "Deze versie van de quickscan is nog niet gepubliceerd."
BAD_LEVEL = (
    "'{value}' is geen geldig niveau. Kies 1 tot en met 5, of 'niet van toepassing'."
)
FOREIGN_QUESTION = (
    "Er is een antwoord meegestuurd op een vraag die niet in deze quickscan staat "
    "(vraag {question_id}). Er is niets opgeslagen; laad de pagina opnieuw en probeer het nog eens."
)
EVIDENCE_WITHOUT_LEVEL = (
    "Kies een niveau of 'niet van toepassing' om je onderbouwing bij deze vraag op te slaan."
)
EVIDENCE_CONTROL_CHARACTERS = (
    "De onderbouwing bevat onzichtbare stuurtekens (bijvoorbeeld uit een gekopieerd "
    "document). Haal ze weg of typ de tekst opnieuw."
)
CLEAR_WITH_EVIDENCE = (
    "Je wist het niveau, maar er staat nog een onderbouwing. Haal ook die weg, of kies een "
    "niveau om de onderbouwing te bewaren."
)
EVIDENCE_TOO_LONG = "Houd de onderbouwing korter dan {max} tekens (nu {length})."
BAD_CONFIDENCE = "Kies hoe zeker je bent: onzeker, redelijk zeker of zeker."
BAD_TARGET = "Kies een streefniveau van 1 tot en met 5."
INCOMPLETE = (
    "Nog niet alle vragen zijn beantwoord ({count} open). Beantwoord ze, desnoods met "
    "'niet van toepassing', voordat je de quickscan indient."
)
ACTIONS_AFTER_SUBMIT = (
    "Acties plan je op basis van de resultaten: dien de quickscan eerst in."
)
FOREIGN_CELL = "Kies een thema en processtap uit deze quickscan."
FOREIGN_INSTRUMENT = "Dit instrument bestaat niet of is niet zichtbaar; kies een ander."
BAD_ACTION_STATUS = "Kies een geldige status: gepland, in uitvoering, afgerond of vervallen."


# --- Checks ----------------------------------------------------------------------------


def _require_institution(user):
    institution = member_institution(user)
    if institution is None:
        raise PermissionDenied(NO_INSTITUTION)
    return institution


def _require_own_scan(*, user, scan, lock=False):
    """The scan, fresh from the database (locked when asked), if it is the user's institution's."""
    institution = _require_institution(user)
    queryset = Scan.objects.select_for_update() if lock else Scan.objects
    fresh = queryset.filter(pk=scan.pk, institution=institution).first()
    if fresh is None:
        raise PermissionDenied(NOT_YOURS)
    return fresh


def _require_draft(scan):
    if scan.status != Scan.Status.DRAFT:
        raise ValidationError(SUBMITTED, code="submitted")


def parse_level(value):
    """'1'…'5' → (level, False); 'nvt' → (None, True); '' or 'leeg' → (None, False).

    Anything else is an error. ('leeg' also clears a stored answer: see answers_save.)
    """
    text = str(value if value is not None else "").strip().lower()
    if text in ("", "none", CLEAR):
        return None, False
    if text in (NOT_APPLICABLE, "n.v.t."):
        return None, True
    try:
        level = int(text)
    except ValueError:
        level = None
    if level is None or not LEVEL_MIN <= level <= LEVEL_MAX:
        raise ValidationError(BAD_LEVEL.format(value=str(value)[:20]), code="bad_level")
    return level, False


def parse_target(value):
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = None
    if level is None or not LEVEL_MIN <= level <= LEVEL_MAX:
        raise ValidationError(BAD_TARGET, code="bad_target")
    return level


# --- Versions (editors) ---------------------------------------------------------------


def version_problems(version):
    """What keeps a draft from being published, in Dutch; empty when it can go."""
    problems = []
    questions = list(Question.objects.filter(version=version).select_related("theme"))
    if not questions:
        problems.append("De versie heeft nog geen vragen.")
    for question in questions:
        missing = [str(n) for n, text in question.level_descriptions if not text.strip()]
        if missing:
            problems.append(
                f"Bij '{question.text}' ontbreekt de omschrijving van niveau {', '.join(missing)}."
            )
        if not question.theme.live:
            problems.append(f"Het thema van '{question.text}' is niet gepubliceerd.")
    return problems


@transaction.atomic
def version_publish(*, version):
    """Publish a draft. From now on it is frozen; a later copy can replace it."""
    version = QuickscanVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise ValidationError("Deze versie is al gepubliceerd.", code="published")
    problems = version_problems(version)
    if problems:
        raise ValidationError(problems, code="incomplete")
    version.status = QuickscanVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    return version


@transaction.atomic
def version_copy(*, version, title=None):
    """A new draft beside `version`, with copies of all its questions, to edit freely."""
    copy = QuickscanVersion.objects.create(
        title=title or f"{version.title} (nieuwe versie)",
        kind=version.kind,
        introduction=version.introduction,
        based_on=version,
    )
    Question.objects.bulk_create([
        Question(
            version=copy, theme_id=question.theme_id, step_id=question.step_id,
            text=question.text, help_text=question.help_text, sort_order=question.sort_order,
            **{f"level_{n}": getattr(question, f"level_{n}") for n in range(1, 6)},
        )
        for question in Question.objects.filter(version=version).order_by("sort_order", "pk")
    ])
    return copy


# --- Scans ------------------------------------------------------------------------------


@transaction.atomic
def scan_start(*, user, version, target_level=None):
    """Start a scan for the user's institution; colleagues can then fill it in too."""
    institution = _require_institution(user)
    if not version.is_published:
        raise ValidationError(NOT_PUBLISHED, code="not_published")
    target = parse_target(
        settings.QUICKSCAN_DEFAULT_TARGET_LEVEL if target_level in (None, "") else target_level
    )
    if Scan.objects.filter(institution=institution, status=Scan.Status.DRAFT).exists():
        raise ValidationError(DRAFT_EXISTS, code="draft_exists")
    try:
        # A savepoint: two colleagues starting at the same moment meet the constraint.
        with transaction.atomic():
            return Scan.objects.create(
                institution=institution, version=version, target_level=target, started_by=user,
            )
    except IntegrityError as error:
        raise ValidationError(DRAFT_EXISTS, code="draft_exists") from error


@transaction.atomic
def scan_target_set(*, user, scan, target_level):
    scan = _require_own_scan(user=user, scan=scan, lock=True)
    _require_draft(scan)
    scan.target_level = parse_target(target_level)
    scan.save(update_fields=["target_level"])
    return scan


def answer_version(answer):
    """The token a form carries to notice that someone else changed an answer meanwhile.

    The moment of the last change (with microseconds), not a counter: an answer that
    is cleared (deleted) and given again never gets an old token back.
    """
    return answer.updated_at.isoformat() if answer is not None else ""


def answer_state(answer):
    """What the form shows for an answer: {"level": '1'…'5'|'nvt'|'', "evidence", "confidence"}."""
    if answer is None:
        return {"level": "", "evidence": "", "confidence": Confidence.MEDIUM}
    return {
        "level": NOT_APPLICABLE if answer.not_applicable else str(answer.level),
        "evidence": answer.evidence,
        "confidence": answer.confidence,
    }


def _normal_state(level, evidence, confidence):
    """Posted or shown values, compared the same way (newlines, spaces, the default)."""
    text = str(level or "").strip().lower()
    text = "" if text in ("", "none", CLEAR) else (NOT_APPLICABLE if text == "n.v.t." else text)
    return {
        "level": text,
        "evidence": _normal_evidence(evidence),
        "confidence": confidence or Confidence.MEDIUM,
    }


def _normal_evidence(value):
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


@dataclass
class AnswersSaved:
    """What `answers_save` did: how many answers it wrote, and which it left alone.

    `conflicts` maps a question id to the answer as it is now in the database: a
    colleague changed it after this person loaded the page, so theirs was not
    overwritten.
    """

    changed: int = 0
    conflicts: dict = field(default_factory=dict)


@transaction.atomic
def answers_save(*, user, scan, answers):
    """Save a batch of draft answers.

    `answers`: [{"question_id", "level" ('1'…'5', 'nvt', 'leeg' to clear, or ''),
    "evidence", "confidence"}], and from the form also "version" (`answer_version`
    when the page was loaded) and "original" (`answer_state` then).

    Invalid input refuses the whole batch: errors come back together in one
    ValidationError keyed by question id. Otherwise, per question:

    - nothing the person changed (posted = original) → nothing is written, so a
      stale page never writes back old values and `answered_by` stays the person
      who really changed it;
    - changed, and the answer is still as it was loaded → only the changed fields
      are written ('leeg' clears the answer back to unanswered);
    - changed, but someone else changed the answer since → not written; it is
      reported in `conflicts` (unless both typed the same).

    Without "version" (a shell, older callers) the posted values simply win.
    """
    scan = _require_own_scan(user=user, scan=scan, lock=True)
    _require_draft(scan)
    own_questions = set(
        Question.objects.filter(version_id=scan.version_id).values_list("pk", flat=True)
    )
    existing = {answer.question_id: answer for answer in scan.answers.all()}
    errors, cleaned = {}, []
    for item in answers:
        question_id = item.get("question_id")
        if question_id not in own_questions:
            raise ValidationError(
                FOREIGN_QUESTION.format(question_id=str(question_id)[:20]), code="foreign_question"
            )
        try:
            cleaned_item = _clean_answer(item)
        except ValidationError as error:
            errors[question_id] = error.messages
            continue
        if cleaned_item is not None:
            cleaned.append((question_id, item, cleaned_item))
    if errors:
        raise ValidationError(
            {str(question_id): messages for question_id, messages in errors.items()}
        )
    result = AnswersSaved()
    for question_id, item, values in cleaned:
        answer = existing.get(question_id)
        if "version" in item:
            posted = _normal_state(item.get("level"), item.get("evidence"),
                                   item.get("confidence"))
            original = _normal_state(**(item.get("original") or {}))
            changed = {name for name in posted if posted[name] != original[name]}
            if not changed:
                continue
            if str(item["version"]) != answer_version(answer):
                now = _normal_state(**answer_state(answer))
                if any(posted[name] != now[name] for name in changed):
                    result.conflicts[question_id] = answer
                continue
            values = _only_changed(values, changed, answer)
        result.changed += _answer_write(scan=scan, question_id=question_id, answer=answer,
                                        values=values, user=user)
    return result


def _only_changed(values, changed, answer):
    """The posted values, with the fields the person did not touch kept as they are."""
    if answer is None or values.get("clear"):
        return values
    kept = dict(values)
    if "level" not in changed:
        kept["level"], kept["not_applicable"] = answer.level, answer.not_applicable
    if "evidence" not in changed:
        kept["evidence"] = answer.evidence
    if "confidence" not in changed:
        kept["confidence"] = answer.confidence
    return kept


def _answer_write(*, scan, question_id, answer, values, user):
    """Create, change or (for 'leeg') delete one answer; 1 when something was written."""
    if values.get("clear"):
        if answer is None:
            return 0
        answer.delete()
        return 1
    if answer is None:
        Answer.objects.create(scan=scan, question_id=question_id, answered_by=user, **values)
        return 1
    if all(getattr(answer, name) == value for name, value in values.items()):
        return 0
    for name, value in values.items():
        setattr(answer, name, value)
    answer.answered_by = user
    answer.save()
    return 1


def _clean_answer(item):
    raw_level = str(item.get("level") or "").strip().lower()
    level, not_applicable = parse_level(item.get("level"))
    evidence = _normal_evidence(item.get("evidence"))
    if CONTROL_CHARACTERS.search(evidence):
        raise ValidationError(EVIDENCE_CONTROL_CHARACTERS, code="control_characters")
    if len(evidence) > EVIDENCE_MAX_LENGTH:
        raise ValidationError(
            EVIDENCE_TOO_LONG.format(max=EVIDENCE_MAX_LENGTH, length=len(evidence)),
            code="too_long",
        )
    confidence = item.get("confidence") or Confidence.MEDIUM
    if confidence not in Confidence.values:
        raise ValidationError(BAD_CONFIDENCE, code="bad_confidence")
    if raw_level == CLEAR:
        if evidence:  # clearing deletes the answer: never lose a note silently
            raise ValidationError(CLEAR_WITH_EVIDENCE, code="clear_with_evidence")
        return {"clear": True}
    if level is None and not not_applicable:
        if evidence:
            raise ValidationError(EVIDENCE_WITHOUT_LEVEL, code="evidence_without_level")
        return None
    return {"level": level, "not_applicable": not_applicable, "evidence": evidence,
            "confidence": confidence}


def answer_save(*, user, scan, question_id, level, evidence="", confidence=Confidence.MEDIUM):
    """One answer; see answers_save."""
    return answers_save(user=user, scan=scan, answers=[{
        "question_id": question_id, "level": level, "evidence": evidence,
        "confidence": confidence,
    }])


@transaction.atomic
def scan_submit(*, user, scan):
    """Submit the scan: every question answered (a level or n.v.t.); then read-only."""
    scan = _require_own_scan(user=user, scan=scan, lock=True)
    _require_draft(scan)
    open_count = Question.objects.filter(version_id=scan.version_id).exclude(
        answers__scan=scan
    ).count()
    if open_count:
        raise ValidationError(INCOMPLETE.format(count=open_count), code="incomplete")
    scan.status = Scan.Status.SUBMITTED
    scan.submitted_by = user
    scan.submitted_at = timezone.now()
    # Frozen: later edits of the institution do not move this scan to another cohort.
    scan.cohort = cohort_of(scan.institution) or ""
    scan.save(update_fields=["status", "submitted_by", "submitted_at", "cohort"])
    return scan


@transaction.atomic
def scan_discard(*, user, scan):
    """Throw away a draft (a submitted scan stays: the history and the benchmark use it)."""
    scan = _require_own_scan(user=user, scan=scan, lock=True)
    _require_draft(scan)
    scan.delete()


# --- Action plan -------------------------------------------------------------------------


def _clean_action_fields(*, user, scan, theme_id, step_id, instrument_id, status=None):
    cells = set(
        Question.objects.filter(version_id=scan.version_id).values_list("theme_id", "step_id")
    )
    try:
        cell = (int(theme_id), int(step_id))
    except (TypeError, ValueError):
        cell = None
    if cell not in cells:
        raise ValidationError({"cell": FOREIGN_CELL}, code="foreign_cell")
    instrument = None
    if instrument_id not in (None, ""):
        try:
            instrument = visible_instruments(user=user).filter(pk=int(instrument_id)).first()
        except (TypeError, ValueError):
            instrument = None
        if instrument is None:
            raise ValidationError({"instrument": FOREIGN_INSTRUMENT}, code="foreign_instrument")
    if status is not None and status not in Action.Status.values:
        raise ValidationError({"status": BAD_ACTION_STATUS}, code="bad_status")
    return cell, instrument


def _clean_text(*, title, owner, description, due_date):
    errors = {}
    title, owner = (title or "").strip(), (owner or "").strip()
    description = (description or "").strip()
    if not title:
        errors["title"] = "Beschrijf de actie in een paar woorden."
    elif len(title) > 200:
        errors["title"] = "Houd de actie korter dan 200 tekens."
    if not owner:
        errors["owner"] = "Geef aan wie de actie trekt (een rol of afdeling)."
    elif len(owner) > 120:
        errors["owner"] = "Houd de eigenaar korter dan 120 tekens."
    if len(description) > 2000:
        errors["description"] = "Houd de toelichting korter dan 2000 tekens."
    if not isinstance(due_date, datetime.date):
        errors["due_date"] = "Geef een datum waarop de actie klaar moet zijn."
    if errors:
        raise ValidationError(errors)
    return title, owner, description


@transaction.atomic
def action_create(*, user, scan, theme_id, step_id, title, owner, due_date, description="",
                  instrument_id=None):
    """A PDCA action for one cell of a submitted scan."""
    scan = _require_own_scan(user=user, scan=scan)
    if not scan.is_submitted:
        raise ValidationError(ACTIONS_AFTER_SUBMIT, code="draft")
    (theme_id, step_id), instrument = _clean_action_fields(
        user=user, scan=scan, theme_id=theme_id, step_id=step_id, instrument_id=instrument_id
    )
    title, owner, description = _clean_text(
        title=title, owner=owner, description=description, due_date=due_date
    )
    return Action.objects.create(
        scan=scan, theme=ThemePage.objects.get(pk=theme_id), step_id=step_id,
        instrument=instrument, title=title, owner=owner, description=description,
        due_date=due_date, created_by=user,
    )


def _require_own_action(*, user, action):
    institution = _require_institution(user)
    fresh = Action.objects.select_for_update().select_related("scan").filter(
        pk=action.pk, scan__institution=institution
    ).first()
    if fresh is None:
        raise PermissionDenied(NOT_YOURS)
    return fresh


@transaction.atomic
def action_update(*, user, action, theme_id, step_id, title, owner, due_date, status,
                  description="", instrument_id=None):
    """Change an action; the plan stays editable after the scan was submitted."""
    action = _require_own_action(user=user, action=action)
    (theme_id, step_id), instrument = _clean_action_fields(
        user=user, scan=action.scan, theme_id=theme_id, step_id=step_id,
        instrument_id=instrument_id, status=status,
    )
    title, owner, description = _clean_text(
        title=title, owner=owner, description=description, due_date=due_date
    )
    action.theme_id, action.step_id, action.instrument = theme_id, step_id, instrument
    action.title, action.owner, action.description = title, owner, description
    action.due_date, action.status = due_date, status
    action.save()
    return action


@transaction.atomic
def action_status_set(*, user, action, status):
    action = _require_own_action(user=user, action=action)
    if status not in Action.Status.values:
        raise ValidationError(BAD_ACTION_STATUS, code="bad_status")
    action.status = status
    action.save(update_fields=["status", "updated_at"])
    return action


@transaction.atomic
def action_delete(*, user, action):
    action = _require_own_action(user=user, action=action)
    action.delete()
