"""The editors' versions of the questionnaire: publish (then frozen) and copy into a new draft."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..models import Question, QuickscanVersion
from .rules import ALREADY_PUBLISHED


@transaction.atomic
def version_publish(*, version: QuickscanVersion) -> QuickscanVersion:
    """Publish a draft. From now on it is frozen; a later copy can replace it."""
    version = QuickscanVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise ValidationError(ALREADY_PUBLISHED, code="published")
    problems = selectors.version_problems(version)
    if problems:
        raise ValidationError(problems, code="incomplete")
    version.status = QuickscanVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    return version


@transaction.atomic
def version_copy(*, version: QuickscanVersion, title: str | None = None) -> QuickscanVersion:
    """A new draft beside `version`, with copies of all its questions, to edit freely."""
    copy = QuickscanVersion.objects.create(
        title=title or _("{title} (nieuwe versie)").format(title=version.title),
        kind=version.kind,
        introduction=version.introduction,
        based_on=version,
    )
    Question.objects.bulk_create([
        Question(
            version=copy, theme_id=question.theme_id, step_id=question.step_id,
            text=question.text, help_text=question.help_text, sort_order=question.sort_order,
            **{f"level_{n}": getattr(question, f"level_{n}") for n in range(1, 6)},
        )
        for question in Question.objects.filter(version=version).order_by("sort_order", "pk")
    ])
    return copy
