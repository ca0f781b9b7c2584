"""An answer's values as the form carries them, without the database.

What a member posts is read here (levels '1'…'5', 'nvt', 'leeg' to clear, a
target level), and an answer is turned into what the form shows and into the
token that notices a colleague's change meanwhile. `services.answers` uses
these to validate and compare; the answer form's view uses them to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Confidence
from .models.levels import LEVEL_MAX, LEVEL_MIN

if TYPE_CHECKING:
    from .models import Answer

NOT_APPLICABLE = "nvt"
CLEAR = "leeg"

BAD_LEVEL = _(
    "'{value}' is geen geldig niveau. Kies 1 tot en met 5, of 'niet van toepassing'."
)
BAD_TARGET = _("Kies een streefniveau van 1 tot en met 5.")

# {"level": '1'…'5' | 'nvt' | '', "evidence": …, "confidence": …}
AnswerState = dict[str, str]


def parse_level(value: object) -> tuple[int | None, bool]:
    """'1'…'5' → (level, False); 'nvt' → (None, True); '' or 'leeg' → (None, False).

    Anything else is an error. ('leeg' also clears a stored answer: see answers_save.)
    """
    text = str(value if value is not None else "").strip().lower()
    if text in ("", "none", CLEAR):
        return None, False
    if text in (NOT_APPLICABLE, "n.v.t."):
        return None, True
    try:
        level: int | None = int(text)
    except ValueError:
        level = None
    if level is None or not LEVEL_MIN <= level <= LEVEL_MAX:
        raise ValidationError(BAD_LEVEL.format(value=str(value)[:20]), code="bad_level")
    return level, False


def parse_target(value: object) -> int:
    try:
        level: int | None = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        level = None
    if level is None or not LEVEL_MIN <= level <= LEVEL_MAX:
        raise ValidationError(BAD_TARGET, code="bad_target")
    return level


def answer_version(answer: Answer | None) -> str:
    """The token a form carries to notice that someone else changed an answer meanwhile.

    The moment of the last change (with microseconds), not a counter: an answer that
    is cleared (deleted) and given again never gets an old token back.
    """
    return answer.updated_at.isoformat() if answer is not None else ""


def answer_state(answer: Answer | None) -> AnswerState:
    """What the form shows for an answer: {"level": '1'…'5'|'nvt'|'', "evidence", "confidence"}."""
    if answer is None:
        return {"level": "", "evidence": "", "confidence": Confidence.MEDIUM}
    return {
        "level": NOT_APPLICABLE if answer.not_applicable else str(answer.level),
        "evidence": answer.evidence,
        "confidence": answer.confidence,
    }


def normal_state(level: object, evidence: str | None, confidence: str | None) -> AnswerState:
    """Posted or shown values, compared the same way (newlines, spaces, the default)."""
    text = str(level or "").strip().lower()
    text = "" if text in ("", "none", CLEAR) else (NOT_APPLICABLE if text == "n.v.t." else text)
    return {
        "level": text,
        "evidence": normal_evidence(evidence),
        "confidence": confidence or Confidence.MEDIUM,
    }


def normal_evidence(value: str | None) -> str:
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
