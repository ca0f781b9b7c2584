"""One question on the answer form: what it shows after a load, an error or a conflict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from ..answer_values import CLEAR, AnswerState, answer_state, answer_version
from ..forms import answer_field_names
from ..models import Confidence, Level

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..models import Answer, Question


@dataclass
class QuestionView:
    question: Question
    answer: Answer | None
    level: str
    evidence: str
    confidence: str
    version: str
    original: AnswerState
    errors: list[str] = field(default_factory=list)
    conflict: bool = False
    theirs: str | None = None


def question_view(
    question: Question, answer: Answer | None, *, typed: Mapping[str, Any] | None = None,
    meta: Mapping[str, Any] | None = None, errors: dict[str, list[str]] | None = None,
    conflict: bool = False,
) -> QuestionView:
    """What the form shows for one question.

    `typed`: the POST whose values to show again (after an error or a conflict);
    else the stored answer. `meta`: the POST whose hidden "as loaded" fields to keep
    (after a validation error nothing was saved, so they stay as first loaded);
    else the stored answer's, so the next save compares with what is stored now.
    """
    names = answer_field_names(question.pk)
    stored = answer_state(answer)
    if typed is not None:
        level = typed.get(names["level"], "")
        evidence = typed.get(names["evidence"], "")
        confidence = typed.get(names["confidence"], "")
    else:
        level, evidence, confidence = stored["level"], stored["evidence"], stored["confidence"]
    if meta is not None and names["version"] in meta:
        version = meta.get(names["version"], "")
        original = {"level": meta.get(names["original_level"], ""),
                    "evidence": meta.get(names["original_evidence"], ""),
                    "confidence": meta.get(names["original_confidence"], "")}
    else:
        version, original = answer_version(answer), stored
    return QuestionView(
        question=question,
        answer=answer,
        level="" if level == CLEAR else level,
        evidence=evidence,
        confidence=confidence or Confidence.MEDIUM,
        errors=(errors or {}).get(str(question.pk), []),
        version=version,
        original=original,
        conflict=conflict,
        theirs=answer_words(answer) if conflict else None,
    )


def answer_words(answer: Answer | None) -> str:
    """A colleague's current answer in words, for the conflict message."""
    if answer is None:
        return _("Je collega heeft dit antwoord gewist (nog niet ingevuld).")
    who = answer.answered_by.get_full_name() if answer.answered_by else ""
    if answer.not_applicable:
        level = _("niet van toepassing")
    else:
        names: dict[int | None, str] = dict(Level.choices)
        level = _("niveau {level} ({name})").format(
            level=answer.level, name=str(names[answer.level]).lower()
        )
    text = _("{who} vulde intussen in: {level}").format(who=who or _("Een collega"), level=level)
    text += _(", zekerheid '{confidence}'").format(
        confidence=answer.get_confidence_display().lower()
    )
    if answer.evidence:
        text += _(", met de onderbouwing: \u201c{evidence}\u201d").format(evidence=answer.evidence)
    return text + "."
