"""What a scan's results are made of: levels per cell, the questions per cell, and the
instruments that could help, read as plain values for `presenters.results`."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Q, QuerySet

from cms.models import InstrumentPage, ThemePage
from cms.selectors import visible_instruments

from .. import scoring
from ..models import Answer, Question, QuickscanVersion, Scan
from .scans import version_grid

Cell = tuple[int, int]


def scan_levels(scan: Scan) -> dict[Cell, list[int | None]]:
    """{(theme_id, step_id): [level or None for n.v.t.]} for one scan."""
    rows = Answer.objects.filter(scan=scan).values_list(
        "question__theme_id", "question__step_id", "level"
    )
    return scoring.group_levels(rows)


def scan_scores(scan: Scan) -> dict[Cell, float | None]:
    return scoring.cell_scores(scan_levels(scan))


def question_counts(version: QuickscanVersion) -> Counter[Cell]:
    """How many questions each cell of the version has."""
    return Counter(
        Question.objects.filter(version=version).values_list("theme_id", "step_id")
    )


def cell_questions(version: QuickscanVersion) -> dict[Cell, tuple[str, ...]]:
    """{(theme_id, step_id): the cell's questions as texts}: to compare two versions' cells.

    A new version is a copy of the previous one (see services.version_copy): the
    same question keeps its text, so equal texts mean equal questions.
    """
    questions: dict[Cell, list[str]] = {}
    for theme_id, step_id, text in Question.objects.filter(version=version).values_list(
        "theme_id", "step_id", "text"
    ):
        questions.setdefault((theme_id, step_id), []).append(" ".join(text.split()).lower())
    return {key: tuple(sorted(texts)) for key, texts in questions.items()}


def instruments_for_cells(
    *, user: Any, themes: set[ThemePage], step_ids: list[int]
) -> list[InstrumentPage]:
    """Instruments the viewer may see under (or linked to) these themes, about these steps,
    with their steps and other themes loaded: the candidates for recommendations."""
    theme_query = Q()
    for theme in themes:
        theme_query |= Q(path__startswith=theme.path, depth=theme.depth + 1)
        theme_query |= Q(other_themes=theme)
    return list(
        visible_instruments(user=user)
        .filter(theme_query, steps__in=step_ids)
        .distinct()
        .select_related("instrument_type")
        .prefetch_related("steps", "other_themes")
    )


def recommended_instrument_choices(*, scan: Scan, user: Any) -> QuerySet[InstrumentPage]:
    """Instruments for the action form: those of the scan's themes the viewer may see."""
    themes, _ = version_grid(scan.version)
    query = Q()
    for theme in themes:
        query |= Q(path__startswith=theme.path) | Q(other_themes=theme)
    if not themes:
        return InstrumentPage.objects.none()
    return visible_instruments(user=user).filter(query).distinct().order_by("title")
