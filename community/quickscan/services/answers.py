"""Saving the answers of a draft scan, together with colleagues, without overwriting theirs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ..answer_values import (
    CLEAR,
    answer_state,
    answer_version,
    normal_evidence,
    normal_state,
    parse_level,
)
from ..models import Answer, Confidence, Question, Scan
from ..models.scans import EVIDENCE_MAX_LENGTH
from .rules import (
    BAD_CONFIDENCE,
    CLEAR_WITH_EVIDENCE,
    EVIDENCE_CONTROL_CHARACTERS,
    EVIDENCE_TOO_LONG,
    EVIDENCE_WITHOUT_LEVEL,
    FOREIGN_QUESTION,
    require_draft,
    require_own_scan,
)

# Control characters other than tab and newline (and CR, which browsers send with
# newlines): PostgreSQL refuses NUL in text, and none of them belongs in a note.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class AnswersSaved:
    """What `answers_save` did: how many answers it wrote, and which it left alone.

    `conflicts` maps a question id to the answer as it is now in the database: a
    colleague changed it after this person loaded the page, so theirs was not
    overwritten.
    """

    changed: int = 0
    conflicts: dict[int, Answer | None] = field(default_factory=dict)


@transaction.atomic
def answers_save(*, user: Any, scan: Scan, answers: list[dict[str, Any]]) -> AnswersSaved:
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
    scan = require_own_scan(user=user, scan=scan, lock=True)
    require_draft(scan)
    own_questions = set(
        Question.objects.filter(version_id=scan.version_id).values_list("pk", flat=True)
    )
    existing = {answer.question_id: answer for answer in scan.answers.all()}
    errors: dict[Any, list[str]] = {}
    cleaned: list[tuple[Any, dict[str, Any], dict[str, Any]]] = []
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
            posted = normal_state(item.get("level"), item.get("evidence"),
                                   item.get("confidence"))
            original = normal_state(**(item.get("original") or {}))
            changed = {name for name in posted if posted[name] != original[name]}
            if not changed:
                continue
            if str(item["version"]) != answer_version(answer):
                now = normal_state(**answer_state(answer))
                if any(posted[name] != now[name] for name in changed):
                    result.conflicts[question_id] = answer
                continue
            values = _only_changed(values, changed, answer)
        result.changed += _answer_write(scan=scan, question_id=question_id, answer=answer,
                                        values=values, user=user)
    return result


def _only_changed(
    values: dict[str, Any], changed: set[str], answer: Answer | None
) -> dict[str, Any]:
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


def _answer_write(
    *, scan: Scan, question_id: int, answer: Answer | None, values: dict[str, Any], user: Any
) -> int:
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


def _clean_answer(item: dict[str, Any]) -> dict[str, Any] | None:
    raw_level = str(item.get("level") or "").strip().lower()
    level, not_applicable = parse_level(item.get("level"))
    evidence = normal_evidence(item.get("evidence"))
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


def answer_save(
    *, user: Any, scan: Scan, question_id: int, level: object, evidence: str = "",
    confidence: str = Confidence.MEDIUM,
) -> AnswersSaved:
    """One answer; see answers_save."""
    return answers_save(user=user, scan=scan, answers=[{
        "question_id": question_id, "level": level, "evidence": evidence,
        "confidence": confidence,
    }])
