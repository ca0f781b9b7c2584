"""A scan's life: start it for the institution, set its target, submit it once, or discard
the draft."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..answer_values import parse_target
from ..cohorts import cohort_of
from ..models import Question, QuickscanVersion, Scan
from .rules import (
    DRAFT_EXISTS,
    INCOMPLETE,
    NOT_PUBLISHED,
    require_draft,
    require_institution,
    require_own_scan,
)


@transaction.atomic
def scan_start(*, user: Any, version: QuickscanVersion, target_level: object = None) -> Scan:
    """Start a scan for the user's institution; colleagues can then fill it in too."""
    institution = require_institution(user)
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
def scan_target_set(*, user: Any, scan: Scan, target_level: object) -> Scan:
    scan = require_own_scan(user=user, scan=scan, lock=True)
    require_draft(scan)
    scan.target_level = parse_target(target_level)
    scan.save(update_fields=["target_level"])
    return scan


@transaction.atomic
def scan_submit(*, user: Any, scan: Scan) -> Scan:
    """Submit the scan: every question answered (a level or n.v.t.); then read-only."""
    scan = require_own_scan(user=user, scan=scan, lock=True)
    require_draft(scan)
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
def scan_discard(*, user: Any, scan: Scan) -> None:
    """Throw away a draft (a submitted scan stays: the history and the benchmark use it)."""
    scan = require_own_scan(user=user, scan=scan, lock=True)
    require_draft(scan)
    scan.delete()
