"""Versions, scans, their questions and progress, and action plans, as the viewer may see them.

Scan data is only ever read through `scan_for_viewer`, which looks the scan up
within the viewer's own institution.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cms.models import ProcessStep, ThemePage

from ..access import member_institution
from ..models import Action, Answer, Question, QuickscanVersion, Scan

if TYPE_CHECKING:
    import uuid

    from community.members.models import Institution

NO_QUESTIONS = _("De versie heeft nog geen vragen.")
LEVEL_DESCRIPTION_MISSING = _("Bij '{text}' ontbreekt de omschrijving van niveau {levels}.")
THEME_NOT_PUBLISHED = _("Het thema van '{text}' is niet gepubliceerd.")


# --- Versions and scans ---------------------------------------------------------------


def published_versions() -> QuerySet[QuickscanVersion]:
    return QuickscanVersion.objects.filter(status=QuickscanVersion.Status.PUBLISHED)


def current_versions() -> list[QuickscanVersion]:
    """The newest published version of each kind: what a new scan uses."""
    current: dict[str, QuickscanVersion] = {}
    for version in published_versions().order_by("-published_at", "-pk"):
        current.setdefault(version.kind, version)
    return [current[kind] for kind in QuickscanVersion.Kind.values if kind in current]


def suggested_version(
    institution: Institution, versions: list[QuickscanVersion]
) -> QuickscanVersion | None:
    """The short version for a small hogeschool, the full one for everyone else."""
    wanted = QuickscanVersion.Kind.SHORT if institution.is_small else QuickscanVersion.Kind.FULL
    for version in versions:
        if version.kind == wanted:
            return version
    return versions[0] if versions else None


def version_problems(version: QuickscanVersion) -> list[str]:
    """What keeps a draft from being published, in Dutch; empty when it can go."""
    problems = []
    questions = list(Question.objects.filter(version=version).select_related("theme"))
    if not questions:
        problems.append(str(NO_QUESTIONS))
    for question in questions:
        missing = [str(n) for n, text in question.level_descriptions if not text.strip()]
        if missing:
            problems.append(
                LEVEL_DESCRIPTION_MISSING.format(text=question.text, levels=", ".join(missing))
            )
        if not question.theme.live:
            problems.append(THEME_NOT_PUBLISHED.format(text=question.text))
    return problems


def scan_for_viewer(*, public_id: uuid.UUID | str, user: Any) -> Scan | None:
    """The scan if it belongs to the viewer's institution; None in every other case."""
    institution = member_institution(user)
    if institution is None:
        return None
    return (
        Scan.objects.select_related("version", "institution", "started_by", "submitted_by")
        .filter(public_id=public_id, institution=institution)
        .first()
    )


def institution_scans(*, institution: Institution) -> QuerySet[Scan]:
    return (
        Scan.objects.filter(institution=institution)
        .select_related("version", "started_by", "submitted_by")
        .order_by("-started_at")
    )


def draft_scan(*, institution: Institution) -> Scan | None:
    return institution_scans(institution=institution).filter(status=Scan.Status.DRAFT).first()


def previous_scan(scan: Scan) -> Scan | None:
    """The institution's last scan submitted before this one (or before now, for a draft)."""
    earlier = Scan.objects.filter(
        institution_id=scan.institution_id, status=Scan.Status.SUBMITTED
    ).exclude(pk=scan.pk)
    if scan.submitted_at:
        earlier = earlier.filter(submitted_at__lt=scan.submitted_at)
    return earlier.select_related("version").order_by("-submitted_at", "-pk").first()


def latest_submitted_scan(*, institution: Institution) -> Scan | None:
    return (
        Scan.objects.filter(institution=institution, status=Scan.Status.SUBMITTED)
        .select_related("version")
        .order_by("-submitted_at", "-pk")
        .first()
    )


# --- Questions, grid and progress ------------------------------------------------------


def version_questions(version: QuickscanVersion) -> QuerySet[Question]:
    """Questions in the order members see them: theme, process step, editor's order."""
    return (
        Question.objects.filter(version=version)
        .select_related("theme", "step")
        .order_by("theme__path", "step__sort_order", "step__name", "sort_order", "pk")
    )


def version_grid(version: QuickscanVersion) -> tuple[list[ThemePage], list[ProcessStep]]:
    """(themes, steps) that the version's questions cover, in tree and cycle order."""
    pairs = Question.objects.filter(version=version).values_list("theme_id", "step_id")
    theme_ids = {theme_id for theme_id, _ in pairs}
    step_ids = {step_id for _, step_id in pairs}
    themes = list(ThemePage.objects.filter(pk__in=theme_ids).order_by("path"))
    steps = list(ProcessStep.objects.filter(pk__in=step_ids))
    return themes, steps


def theme_questions(*, scan: Scan, theme_id: int) -> list[tuple[ProcessStep, list[Question]]]:
    """The theme's questions, grouped by step: [(step, [question, …]), …]."""
    groups: list[tuple[ProcessStep, list[Question]]] = []
    for question in version_questions(scan.version).filter(theme_id=theme_id):
        if not groups or groups[-1][0] != question.step:
            groups.append((question.step, []))
        groups[-1][1].append(question)
    return groups


def next_theme(scan: Scan, theme: ThemePage) -> ThemePage | None:
    """The theme after `theme` in the scan's order, or None for the last."""
    themes, _ = version_grid(scan.version)
    ids = [item.pk for item in themes]
    position = ids.index(theme.pk) if theme.pk in ids else -1
    return themes[position + 1] if 0 <= position < len(themes) - 1 else None


def answers_by_question(scan: Scan) -> dict[int, Answer]:
    return {answer.question_id: answer for answer in scan.answers.select_related("answered_by")}


@dataclass
class ThemeProgress:
    theme: ThemePage
    total: int
    answered: int

    @property
    def complete(self) -> bool:
        return self.answered >= self.total


def scan_progress(scan: Scan) -> list[ThemeProgress]:
    """Per theme: how many questions there are and how many have an answer."""
    themes, _ = version_grid(scan.version)
    questions = Question.objects.filter(version=scan.version)
    totals = Counter(questions.values_list("theme_id", flat=True))
    answered = Counter(scan.answers.values_list("question__theme_id", flat=True))
    return [ThemeProgress(theme, totals[theme.pk], answered[theme.pk]) for theme in themes]


def unanswered_questions(scan: Scan) -> QuerySet[Question]:
    return version_questions(scan.version).exclude(answers__scan=scan)


# --- Action plan ----------------------------------------------------------------------------


def scan_actions(scan: Scan) -> QuerySet[Action]:
    return (
        Action.objects.filter(scan=scan)
        .select_related("theme", "step", "instrument")
        .order_by("due_date", "pk")
    )


def carried_over_actions(scan: Scan) -> QuerySet[Action]:
    """Actions of the institution's earlier scans: shown again on the next scan."""
    return (
        Action.objects.filter(scan__institution_id=scan.institution_id)
        .exclude(scan=scan)
        .filter(scan__started_at__lt=scan.started_at)
        .select_related("theme", "step", "instrument", "scan")
        .order_by("-scan__started_at", "due_date", "pk")
    )


def action_for_viewer(*, scan: Scan, action_id: int) -> Action | None:
    return scan_actions(scan).filter(pk=action_id).first()


def action_cells(scan: Scan) -> list[tuple[ThemePage, ProcessStep]]:
    """The (theme, step) cells of the scan's version, for the action form."""
    return sorted(
        {(q.theme, q.step) for q in version_questions(scan.version)},
        key=lambda pair: (pair[0].path, pair[1].sort_order, pair[1].name),
    )
