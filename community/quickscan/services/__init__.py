"""Writes for the quickscan, by subject: versions (editors), scans, answers, the action plan
and the benchmark's published snapshots.

Every function takes keyword arguments only and checks its own rules (see
`rules`), so a view, a task or a shell cannot skip them. Import them from here
(`from community.quickscan import services`).
"""

from django.core.exceptions import PermissionDenied, ValidationError

from ..answer_values import BAD_LEVEL, BAD_TARGET, CLEAR, NOT_APPLICABLE
from .actions import action_create, action_delete, action_status_set, action_update
from .answers import AnswersSaved, answer_save, answers_save
from .benchmark import benchmark_publish, snapshot_compute
from .rules import (
    ACTIONS_AFTER_SUBMIT,
    BAD_ACTION_STATUS,
    BAD_CONFIDENCE,
    CLEAR_WITH_EVIDENCE,
    DRAFT_EXISTS,
    EVIDENCE_CONTROL_CHARACTERS,
    EVIDENCE_TOO_LONG,
    EVIDENCE_WITHOUT_LEVEL,
    FOREIGN_CELL,
    FOREIGN_INSTRUMENT,
    FOREIGN_QUESTION,
    INCOMPLETE,
    NO_INSTITUTION,
    NOT_PUBLISHED,
    NOT_YOURS,
    SUBMITTED,
)
from .scans import scan_discard, scan_start, scan_submit, scan_target_set
from .versions import version_copy, version_publish

__all__ = [
    "ACTIONS_AFTER_SUBMIT",
    "BAD_ACTION_STATUS",
    "BAD_CONFIDENCE",
    "BAD_LEVEL",
    "BAD_TARGET",
    "CLEAR",
    "CLEAR_WITH_EVIDENCE",
    "DRAFT_EXISTS",
    "EVIDENCE_CONTROL_CHARACTERS",
    "EVIDENCE_TOO_LONG",
    "EVIDENCE_WITHOUT_LEVEL",
    "FOREIGN_CELL",
    "FOREIGN_INSTRUMENT",
    "FOREIGN_QUESTION",
    "INCOMPLETE",
    "NOT_APPLICABLE",
    "NOT_PUBLISHED",
    "NOT_YOURS",
    "NO_INSTITUTION",
    "SUBMITTED",
    "AnswersSaved",
    "PermissionDenied",
    "ValidationError",
    "action_create",
    "action_delete",
    "action_status_set",
    "action_update",
    "answer_save",
    "answers_save",
    "benchmark_publish",
    "scan_discard",
    "scan_start",
    "scan_submit",
    "scan_target_set",
    "snapshot_compute",
    "version_copy",
    "version_publish",
]
