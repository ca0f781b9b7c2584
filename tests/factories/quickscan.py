"""Factories for the quickscan: versions with questions, scans with answers."""

from django.utils import timezone

import factory

from community.quickscan.cohorts import cohort_of
from community.quickscan.models import Answer, Question, QuickscanVersion, Scan

from .members import InstitutionFactory


class QuickscanVersionFactory(factory.django.DjangoModelFactory):
    """A published version by default: QuickscanVersionFactory(status="concept") for a draft."""

    class Meta:
        model = QuickscanVersion

    title = factory.Sequence(lambda n: f"Quickscan integrale veiligheid {2020 + n}")
    kind = QuickscanVersion.Kind.FULL
    status = QuickscanVersion.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    version = factory.SubFactory(QuickscanVersionFactory)
    text = factory.Sequence(lambda n: f"Hoe staat het met onderdeel {n}?")
    help_text = "Denk aan beleid, uitvoering en evaluatie."
    level_1 = "Er gebeurt iets als er een incident is."
    level_2 = "Enkele mensen doen het, steeds op hun eigen manier."
    level_3 = "Het is vastgelegd en iedereen kent de afspraken."
    level_4 = "We meten het en sturen bij."
    level_5 = "We verbeteren continu en delen met de sector."
    sort_order = factory.Sequence(int)


class ScanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scan

    institution = factory.SubFactory(InstitutionFactory)
    version = factory.SubFactory(QuickscanVersionFactory)
    target_level = 3


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    scan = factory.SubFactory(ScanFactory)
    question = factory.SubFactory(QuestionFactory)
    level = 3


def version_with_grid(themes, steps, *, per_cell=1, **fields):
    """A published version with `per_cell` questions in every theme × step cell."""
    version = QuickscanVersionFactory(**fields)
    for theme in themes:
        for step in steps:
            for _ in range(per_cell):
                QuestionFactory(version=version, theme=theme, step=step)
    return version


def submitted_scan(*, institution, version, levels, submitted_at=None, target_level=3):
    """A submitted scan; `levels` maps a question (or its id) to 1–5 or None for n.v.t.

    Questions not in `levels` get `levels.get("default", 3)`.
    """
    scan = ScanFactory(institution=institution, version=version, target_level=target_level)
    default = levels.get("default", 3)
    for question in version.questions.all():
        level = levels.get(question, levels.get(question.pk, default))
        Answer.objects.create(
            scan=scan, question=question, level=level, not_applicable=level is None,
        )
    Scan.objects.filter(pk=scan.pk).update(
        status=Scan.Status.SUBMITTED, submitted_at=submitted_at or timezone.now(),
        cohort=cohort_of(institution) or "",
    )
    scan.refresh_from_db()
    return scan
