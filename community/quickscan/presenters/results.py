"""A scan's results as the pages and downloads show them: cells, averages, the change since
the previous scan, and recommended instruments for the cells below target."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cms.models import InstrumentPage, ProcessStep, ThemePage

from .. import scoring, selectors
from ..models import Scan

RECOMMENDATIONS_PER_CELL = 3


@dataclass
class CellResult:
    theme: ThemePage
    step: ProcessStep
    target: int
    question_count: int = 0
    answer_count: int = 0
    score: float | None = None
    previous: float | None = None
    # The previous scan asked other questions in this cell (another version): no change.
    other_questions: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return (self.theme.pk, self.step.pk)

    @property
    def delta(self) -> float | None:
        return scoring.difference(self.score, self.previous)

    @property
    def below_target(self) -> bool:
        """Decided on the score as shown (one decimal, half up): 2,96 shows 3,0, not below 3."""
        return self.score is not None and scoring.rounded(self.score) < self.target

    @property
    def band(self) -> int:
        """1–5 for colouring (the nearest level), 0 for no score."""
        if self.score is None:
            return 0
        return max(1, min(5, int(self.score + 0.5)))

    @property
    def not_applicable_only(self) -> bool:
        return self.score is None and self.answer_count > 0


@dataclass
class Average:
    value: float | None
    previous: float | None = None

    @property
    def delta(self) -> float | None:
        return scoring.difference(self.value, self.previous)


@dataclass
class ScanResults:
    scan: Scan
    previous_scan: Scan | None
    themes: list[ThemePage]
    steps: list[ProcessStep]
    cells: dict[tuple[int, int], CellResult]
    theme_averages: dict[int, Average] = field(default_factory=dict)
    step_averages: dict[int, Average] = field(default_factory=dict)
    overall: Average = field(default_factory=lambda: Average(None))

    @property
    def target(self) -> int:
        return self.scan.target_level

    @property
    def versions_differ(self) -> bool:
        """The previous scan used another questionnaire version than this one."""
        return self.previous_scan is not None and (
            self.previous_scan.version_id != self.scan.version_id
        )

    @property
    def other_question_count(self) -> int:
        return sum(1 for cell in self.cells.values() if cell.other_questions)

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "theme": theme,
                "cells": [self.cells[(theme.pk, step.pk)] for step in self.steps],
                "average": self.theme_averages[theme.pk],
            }
            for theme in self.themes
        ]

    def columns(self) -> list[dict[str, Any]]:
        return [{"step": step, "average": self.step_averages[step.pk]} for step in self.steps]

    def cells_below_target(self) -> list[CellResult]:
        return [cell for row in self.rows() for cell in row["cells"] if cell.below_target]

    def scored_cells(self) -> list[CellResult]:
        return [cell for cell in self.cells.values() if cell.score is not None]


def scan_results(scan: Scan) -> ScanResults:
    """Everything the results page, the board overview and the exports show.

    The change since the previous scan compares like with like: when that scan used
    another version, a cell whose questions differ gets no change ("andere vragen"),
    and an average only gets a change when all its cells are comparable.
    """
    themes, steps = selectors.version_grid(scan.version)
    levels = selectors.scan_levels(scan)
    scores = scoring.cell_scores(levels)
    question_counts = selectors.question_counts(scan.version)
    previous = selectors.previous_scan(scan)
    previous_scores = selectors.scan_scores(previous) if previous else {}
    incomparable: set[tuple[int, int]] = set()
    if previous and previous.version_id != scan.version_id:
        now_questions = selectors.cell_questions(scan.version)
        before_questions = selectors.cell_questions(previous.version)
        incomparable = {
            key for key in set(now_questions) | set(before_questions)
            if now_questions.get(key) != before_questions.get(key)
        }

    cells: dict[tuple[int, int], CellResult] = {}
    for theme in themes:
        for step in steps:
            key = (theme.pk, step.pk)
            other = key in incomparable
            cells[key] = CellResult(
                theme=theme, step=step, target=scan.target_level,
                question_count=question_counts[key], answer_count=len(levels.get(key, [])),
                score=scores.get(key),
                previous=None if other else previous_scores.get(key),
                other_questions=other and previous is not None,
            )
    own = {key: cell.score for key, cell in cells.items()}
    theme_ids, step_ids = [t.pk for t in themes], [s.pk for s in steps]
    now_themes = scoring.theme_averages(own, theme_ids)
    now_steps = scoring.step_averages(own, step_ids)
    before = {key: value for key, value in previous_scores.items() if key in cells}
    before_themes = scoring.theme_averages(before, theme_ids) if previous else {}
    before_steps = scoring.step_averages(before, step_ids) if previous else {}
    mixed_themes = {theme for theme, _ in incomparable}
    mixed_steps = {step for _, step in incomparable}
    for pk in mixed_themes:
        before_themes[pk] = None
    for pk in mixed_steps:
        before_steps[pk] = None
    return ScanResults(
        scan=scan, previous_scan=previous, themes=themes, steps=steps, cells=cells,
        theme_averages={pk: Average(now_themes[pk], before_themes.get(pk)) for pk in theme_ids},
        step_averages={pk: Average(now_steps[pk], before_steps.get(pk)) for pk in step_ids},
        overall=Average(
            scoring.overall_average(own),
            scoring.overall_average(before) if previous and not incomparable else None,
        ),
    )


# --- Recommendations ------------------------------------------------------------------------


@dataclass
class Recommendation:
    cell: CellResult
    instruments: list[InstrumentPage]
    total: int

    @property
    def more_url(self) -> str:
        return f"/instrumenten/?thema={self.cell.theme.slug}&stap={self.cell.step.slug}"


def relevance_key(
    instrument: InstrumentPage, *, theme: ThemePage, step_count: int
) -> tuple[int, int, int, str]:
    """Most relevant first, for one cell:

    1. instruments that live under the theme itself before those only linked to it;
    2. the fewer process steps an instrument covers, the more it is about this one;
    3. the newest publication first; then the title, so the order is stable.
    """
    primary = instrument.path.startswith(theme.path)
    return (
        0 if primary else 1,
        step_count,
        -instrument.publication_date.toordinal(),
        instrument.title,
    )


def recommendations(
    *, results: ScanResults, user: Any, per_cell: int = RECOMMENDATIONS_PER_CELL
) -> list[Recommendation]:
    """For every cell below the target: instruments the viewer may see, most relevant first."""
    cells = results.cells_below_target()
    if not cells:
        return []
    candidates = selectors.instruments_for_cells(
        user=user, themes={cell.theme for cell in cells}, step_ids=[cell.step.pk for cell in cells]
    )
    recommended = []
    for cell in cells:
        matching = []
        for instrument in candidates:
            step_ids = {step.pk for step in instrument.steps.all()}
            in_theme = instrument.path.startswith(cell.theme.path) or any(
                other.pk == cell.theme.pk for other in instrument.other_themes.all()
            )
            if cell.step.pk in step_ids and in_theme:
                matching.append((relevance_key(instrument, theme=cell.theme,
                                               step_count=len(step_ids)), instrument))
        matching.sort(key=lambda item: item[0])
        recommended.append(Recommendation(
            cell=cell, instruments=[instrument for _, instrument in matching[:per_cell]],
            total=len(matching),
        ))
    return recommended
