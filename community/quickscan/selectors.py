"""Reads for the quickscan: scans as the viewer may see them, progress, results and advice.

Scan data is only ever read through `scan_for_viewer`, which looks the scan up
within the viewer's own institution.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from cms.models import InstrumentPage, ProcessStep, ThemePage
from cms.selectors import visible_instruments

from . import scoring
from .access import member_institution
from .models import Action, Answer, Question, QuickscanVersion, Scan

RECOMMENDATIONS_PER_CELL = 3


# --- Versions and scans ---------------------------------------------------------------


def published_versions():
    return QuickscanVersion.objects.filter(status=QuickscanVersion.Status.PUBLISHED)


def current_versions():
    """The newest published version of each kind: what a new scan uses."""
    current = {}
    for version in published_versions().order_by("-published_at", "-pk"):
        current.setdefault(version.kind, version)
    return [current[kind] for kind in QuickscanVersion.Kind.values if kind in current]


def suggested_version(institution, versions):
    """The short version for a small hogeschool, the full one for everyone else."""
    wanted = QuickscanVersion.Kind.SHORT if institution.is_small else QuickscanVersion.Kind.FULL
    for version in versions:
        if version.kind == wanted:
            return version
    return versions[0] if versions else None


def scan_for_viewer(*, public_id, user):
    """The scan if it belongs to the viewer's institution; None in every other case."""
    institution = member_institution(user)
    if institution is None:
        return None
    return (
        Scan.objects.select_related("version", "institution", "started_by", "submitted_by")
        .filter(public_id=public_id, institution=institution)
        .first()
    )


def institution_scans(*, institution):
    return (
        Scan.objects.filter(institution=institution)
        .select_related("version", "started_by", "submitted_by")
        .order_by("-started_at")
    )


def draft_scan(*, institution):
    return institution_scans(institution=institution).filter(status=Scan.Status.DRAFT).first()


def previous_scan(scan):
    """The institution's last scan submitted before this one (or before now, for a draft)."""
    earlier = Scan.objects.filter(
        institution_id=scan.institution_id, status=Scan.Status.SUBMITTED
    ).exclude(pk=scan.pk)
    if scan.submitted_at:
        earlier = earlier.filter(submitted_at__lt=scan.submitted_at)
    return earlier.select_related("version").order_by("-submitted_at", "-pk").first()


def latest_submitted_scan(*, institution):
    return (
        Scan.objects.filter(institution=institution, status=Scan.Status.SUBMITTED)
        .select_related("version")
        .order_by("-submitted_at", "-pk")
        .first()
    )


# --- Questions, grid and progress ------------------------------------------------------


def version_questions(version):
    """Questions in the order members see them: theme, process step, editor's order."""
    return (
        Question.objects.filter(version=version)
        .select_related("theme", "step")
        .order_by("theme__path", "step__sort_order", "step__name", "sort_order", "pk")
    )


def version_grid(version):
    """(themes, steps) that the version's questions cover, in tree and cycle order."""
    pairs = Question.objects.filter(version=version).values_list("theme_id", "step_id")
    theme_ids = {theme_id for theme_id, _ in pairs}
    step_ids = {step_id for _, step_id in pairs}
    themes = list(ThemePage.objects.filter(pk__in=theme_ids).order_by("path"))
    steps = list(ProcessStep.objects.filter(pk__in=step_ids))
    return themes, steps


def theme_questions(*, scan, theme_id):
    """The theme's questions, grouped by step: [(step, [question, …]), …]."""
    groups = []
    for question in version_questions(scan.version).filter(theme_id=theme_id):
        if not groups or groups[-1][0] != question.step:
            groups.append((question.step, []))
        groups[-1][1].append(question)
    return groups


def answers_by_question(scan):
    return {answer.question_id: answer for answer in scan.answers.select_related("answered_by")}


@dataclass
class ThemeProgress:
    theme: ThemePage
    total: int
    answered: int

    @property
    def complete(self):
        return self.answered >= self.total


def scan_progress(scan):
    """Per theme: how many questions there are and how many have an answer."""
    themes, _ = version_grid(scan.version)
    questions = Question.objects.filter(version=scan.version)
    totals = Counter(questions.values_list("theme_id", flat=True))
    answered = Counter(scan.answers.values_list("question__theme_id", flat=True))
    return [ThemeProgress(theme, totals[theme.pk], answered[theme.pk]) for theme in themes]


def unanswered_questions(scan):
    return version_questions(scan.version).exclude(answers__scan=scan)


# --- Results ------------------------------------------------------------------------------


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
    def key(self):
        return (self.theme.pk, self.step.pk)

    @property
    def delta(self):
        return scoring.difference(self.score, self.previous)

    @property
    def below_target(self):
        """Decided on the score as shown (one decimal, half up): 2,96 shows 3,0, not below 3."""
        return self.score is not None and scoring.rounded(self.score) < self.target

    @property
    def band(self):
        """1–5 for colouring (the nearest level), 0 for no score."""
        if self.score is None:
            return 0
        return max(1, min(5, int(self.score + 0.5)))

    @property
    def not_applicable_only(self):
        return self.score is None and self.answer_count > 0


@dataclass
class Average:
    value: float | None
    previous: float | None = None

    @property
    def delta(self):
        return scoring.difference(self.value, self.previous)


@dataclass
class ScanResults:
    scan: Scan
    previous_scan: Scan | None
    themes: list
    steps: list
    cells: dict
    theme_averages: dict = field(default_factory=dict)
    step_averages: dict = field(default_factory=dict)
    overall: Average = None

    @property
    def target(self):
        return self.scan.target_level

    @property
    def versions_differ(self):
        """The previous scan used another questionnaire version than this one."""
        return self.previous_scan is not None and (
            self.previous_scan.version_id != self.scan.version_id
        )

    @property
    def other_question_count(self):
        return sum(1 for cell in self.cells.values() if cell.other_questions)

    def rows(self):
        return [
            {
                "theme": theme,
                "cells": [self.cells[(theme.pk, step.pk)] for step in self.steps],
                "average": self.theme_averages[theme.pk],
            }
            for theme in self.themes
        ]

    def columns(self):
        return [{"step": step, "average": self.step_averages[step.pk]} for step in self.steps]

    def cells_below_target(self):
        return [cell for row in self.rows() for cell in row["cells"] if cell.below_target]

    def scored_cells(self):
        return [cell for cell in self.cells.values() if cell.score is not None]


def scan_levels(scan):
    """{(theme_id, step_id): [level or None for n.v.t.]} for one scan."""
    rows = Answer.objects.filter(scan=scan).values_list(
        "question__theme_id", "question__step_id", "level"
    )
    return scoring.group_levels(rows)


def scan_scores(scan):
    return scoring.cell_scores(scan_levels(scan))


def cell_questions(version):
    """{(theme_id, step_id): the cell's questions as texts}: to compare two versions' cells.

    A new version is a copy of the previous one (see services.version_copy): the
    same question keeps its text, so equal texts mean equal questions.
    """
    questions = {}
    for theme_id, step_id, text in Question.objects.filter(version=version).values_list(
        "theme_id", "step_id", "text"
    ):
        questions.setdefault((theme_id, step_id), []).append(" ".join(text.split()).lower())
    return {key: tuple(sorted(texts)) for key, texts in questions.items()}


def scan_results(scan):
    """Everything the results page, the board overview and the exports show.

    The change since the previous scan compares like with like: when that scan used
    another version, a cell whose questions differ gets no change ("andere vragen"),
    and an average only gets a change when all its cells are comparable.
    """
    themes, steps = version_grid(scan.version)
    levels = scan_levels(scan)
    scores = scoring.cell_scores(levels)
    question_counts = Counter(
        Question.objects.filter(version=scan.version).values_list("theme_id", "step_id")
    )
    previous = previous_scan(scan)
    previous_scores = scan_scores(previous) if previous else {}
    incomparable = set()
    if previous and previous.version_id != scan.version_id:
        now_questions, before_questions = cell_questions(scan.version), cell_questions(
            previous.version)
        incomparable = {
            key for key in set(now_questions) | set(before_questions)
            if now_questions.get(key) != before_questions.get(key)
        }

    cells = {}
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
    instruments: list
    total: int

    @property
    def more_url(self):
        return f"/instrumenten/?thema={self.cell.theme.slug}&stap={self.cell.step.slug}"


def relevance_key(instrument, *, theme, step_count):
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


def recommendations(*, results, user, per_cell=RECOMMENDATIONS_PER_CELL):
    """For every cell below the target: instruments the viewer may see, most relevant first."""
    cells = results.cells_below_target()
    if not cells:
        return []
    theme_query = Q()
    for theme in {cell.theme for cell in cells}:
        theme_query |= Q(path__startswith=theme.path, depth=theme.depth + 1)
        theme_query |= Q(other_themes=theme)
    candidates = (
        visible_instruments(user=user)
        .filter(theme_query, steps__in=[cell.step.pk for cell in cells])
        .distinct()
        .select_related("instrument_type")
        .prefetch_related("steps", "other_themes")
    )
    candidates = list(candidates)
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


def recommended_instrument_choices(*, scan, user):
    """Instruments for the action form: those of the scan's themes the viewer may see."""
    themes, _ = version_grid(scan.version)
    query = Q()
    for theme in themes:
        query |= Q(path__startswith=theme.path) | Q(other_themes=theme)
    if not themes:
        return InstrumentPage.objects.none()
    return visible_instruments(user=user).filter(query).distinct().order_by("title")


# --- Action plan ----------------------------------------------------------------------------


def scan_actions(scan):
    return (
        Action.objects.filter(scan=scan)
        .select_related("theme", "step", "instrument")
        .order_by("due_date", "pk")
    )


def carried_over_actions(scan):
    """Actions of the institution's earlier scans: shown again on the next scan."""
    return (
        Action.objects.filter(scan__institution_id=scan.institution_id)
        .exclude(scan=scan)
        .filter(scan__started_at__lt=scan.started_at)
        .select_related("theme", "step", "instrument", "scan")
        .order_by("-scan__started_at", "due_date", "pk")
    )


def action_for_viewer(*, scan, action_id):
    return scan_actions(scan).filter(pk=action_id).first()
