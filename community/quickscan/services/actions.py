"""The PDCA action plan of a submitted scan: add, change, set the status, remove."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from cms.models import InstrumentPage, ThemePage
from cms.selectors import visible_instruments

from ..models import Action, Question, Scan
from .rules import (
    ACTION_DESCRIPTION_TOO_LONG,
    ACTION_DUE_DATE_MISSING,
    ACTION_OWNER_MISSING,
    ACTION_OWNER_TOO_LONG,
    ACTION_TITLE_MISSING,
    ACTION_TITLE_TOO_LONG,
    ACTIONS_AFTER_SUBMIT,
    BAD_ACTION_STATUS,
    FOREIGN_CELL,
    FOREIGN_INSTRUMENT,
    require_own_action,
    require_own_scan,
)


def _clean_action_fields(
    *, user: Any, scan: Scan, theme_id: object, step_id: object, instrument_id: object,
    status: str | None = None,
) -> tuple[tuple[int, int], InstrumentPage | None]:
    cells = set(
        Question.objects.filter(version_id=scan.version_id).values_list("theme_id", "step_id")
    )
    cell: tuple[int, int] | None
    try:
        cell = (int(theme_id), int(step_id))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        cell = None
    if cell not in cells:
        raise ValidationError({"cell": FOREIGN_CELL}, code="foreign_cell")
    instrument = None
    if instrument_id not in (None, ""):
        try:
            instrument = (
                visible_instruments(user=user)
                .filter(pk=int(instrument_id))  # type: ignore[call-overload]
                .first()
            )
        except (TypeError, ValueError):
            instrument = None
        if instrument is None:
            raise ValidationError({"instrument": FOREIGN_INSTRUMENT}, code="foreign_instrument")
    if status is not None and status not in Action.Status.values:
        raise ValidationError({"status": BAD_ACTION_STATUS}, code="bad_status")
    assert cell is not None
    return cell, instrument


def _clean_text(
    *, title: str | None, owner: str | None, description: str | None, due_date: object
) -> tuple[str, str, str]:
    errors: dict[str, Any] = {}
    title, owner = (title or "").strip(), (owner or "").strip()
    description = (description or "").strip()
    if not title:
        errors["title"] = ACTION_TITLE_MISSING
    elif len(title) > 200:
        errors["title"] = ACTION_TITLE_TOO_LONG
    if not owner:
        errors["owner"] = ACTION_OWNER_MISSING
    elif len(owner) > 120:
        errors["owner"] = ACTION_OWNER_TOO_LONG
    if len(description) > 2000:
        errors["description"] = ACTION_DESCRIPTION_TOO_LONG
    if not isinstance(due_date, datetime.date):
        errors["due_date"] = ACTION_DUE_DATE_MISSING
    if errors:
        raise ValidationError(errors)
    return title, owner, description


@transaction.atomic
def action_create(
    *, user: Any, scan: Scan, theme_id: object, step_id: object, title: str, owner: str,
    due_date: datetime.date, description: str = "", instrument_id: object = None,
) -> Action:
    """A PDCA action for one cell of a submitted scan."""
    scan = require_own_scan(user=user, scan=scan)
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


@transaction.atomic
def action_update(
    *, user: Any, action: Action, theme_id: object, step_id: object, title: str, owner: str,
    due_date: datetime.date, status: str, description: str = "", instrument_id: object = None,
) -> Action:
    """Change an action; the plan stays editable after the scan was submitted."""
    action = require_own_action(user=user, action=action)
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
def action_status_set(*, user: Any, action: Action, status: str) -> Action:
    action = require_own_action(user=user, action=action)
    if status not in Action.Status.values:
        raise ValidationError(BAD_ACTION_STATUS, code="bad_status")
    action.status = status
    action.save(update_fields=["status", "updated_at"])
    return action


@transaction.atomic
def action_delete(*, user: Any, action: Action) -> None:
    action = require_own_action(user=user, action=action)
    action.delete()
