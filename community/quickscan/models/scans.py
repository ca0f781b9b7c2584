"""Scans of institutions: answers per question, and the PDCA action plan that follows.

Everything here belongs to one institution and is shown only to its members.
People are linked with SET_NULL: when someone erases their account (AVG) the
institution keeps its scan, without their name.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from .benchmark import Cohort
from .levels import LEVEL_MAX, LEVEL_MIN, Confidence, Level

EVIDENCE_MAX_LENGTH = 2000


class Scan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", "Concept"
        SUBMITTED = "ingediend", "Ingediend"

    # Addresses use this random id, not the sequence number: a URL says nothing
    # about how many scans the sector has started.
    public_id = models.UUIDField("kenmerk", default=uuid.uuid4, unique=True, editable=False)
    institution = models.ForeignKey(
        # PROTECT: an institution with scans is not deleted, or the history and the
        # benchmark would change under everyone's feet (see wagtail_hooks).
        "members.Institution", verbose_name="instelling", on_delete=models.PROTECT,
        related_name="quickscans",
    )
    version = models.ForeignKey(
        "quickscan.QuickscanVersion", verbose_name="versie", on_delete=models.PROTECT,
        related_name="scans",
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True,
    )
    target_level = models.PositiveSmallIntegerField(
        "streefniveau", choices=Level.choices,
        validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)],
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gestart door", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    started_at = models.DateTimeField("gestart op", auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ingediend door", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    submitted_at = models.DateTimeField("ingediend op", null=True, blank=True, db_index=True)
    # Frozen at submission: later edits of the institution (kind, is_small) do not move
    # this scan to another benchmark cohort.
    cohort = models.CharField(
        "benchmarkcohort", max_length=20, choices=Cohort.choices, blank=True, db_index=True,
    )

    class Meta:
        verbose_name = "quickscan"
        verbose_name_plural = "quickscans"
        ordering = ["-started_at"]
        constraints = [
            # One scan in progress per institution: colleagues fill in the same one.
            models.UniqueConstraint(
                fields=["institution"], condition=Q(status="concept"),
                name="quickscan_one_draft_per_institution",
            ),
            models.CheckConstraint(
                condition=Q(target_level__gte=LEVEL_MIN, target_level__lte=LEVEL_MAX),
                name="quickscan_target_level_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(status="concept") | Q(submitted_at__isnull=False),
                name="quickscan_submitted_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.version.title} – {self.institution}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """A level 1–5, or "niet van toepassing" (level empty); last saved by `answered_by`."""

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "quickscan.Question", verbose_name="vraag", on_delete=models.PROTECT,
        related_name="answers",
    )
    level = models.PositiveSmallIntegerField(
        "niveau", null=True, blank=True, choices=Level.choices,
        validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)],
    )
    not_applicable = models.BooleanField("niet van toepassing", default=False)
    evidence = models.TextField("onderbouwing", blank=True, max_length=EVIDENCE_MAX_LENGTH)
    confidence = models.CharField(
        "zekerheid", max_length=10, choices=Confidence.choices, default=Confidence.MEDIUM,
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ingevuld door", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        constraints = [
            models.UniqueConstraint(fields=["scan", "question"], name="quickscan_one_answer"),
            # Either a level or "n.v.t.", never both and never neither.
            models.CheckConstraint(
                condition=(
                    Q(not_applicable=True, level__isnull=True)
                    | Q(not_applicable=False, level__gte=LEVEL_MIN, level__lte=LEVEL_MAX)
                ),
                name="quickscan_answer_level_or_nvt",
            ),
        ]

    def __str__(self):
        return f"{self.question}: {'n.v.t.' if self.not_applicable else self.level}"


class Action(models.Model):
    """One action of the PDCA plan, for one cell (theme × step) of a scan."""

    class Status(models.TextChoices):
        PLANNED = "gepland", "Gepland"
        IN_PROGRESS = "bezig", "In uitvoering"
        DONE = "afgerond", "Afgerond"
        DROPPED = "vervallen", "Vervallen"

    OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="actions")
    theme = models.ForeignKey(
        "cms.ThemePage", verbose_name="thema", on_delete=models.PROTECT, related_name="+",
    )
    step = models.ForeignKey(
        "cms.ProcessStep", verbose_name="processtap", on_delete=models.PROTECT,
        related_name="+",
    )
    instrument = models.ForeignKey(
        "cms.InstrumentPage", verbose_name="instrument", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    title = models.CharField("actie", max_length=200)
    description = models.TextField("toelichting", blank=True, max_length=2000)
    owner = models.CharField(
        "eigenaar", max_length=120,
        help_text="Een rol of afdeling, bijvoorbeeld 'Manager integrale veiligheid'.",
    )
    due_date = models.DateField("gereed op")
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.PLANNED,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="aangemaakt door", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "actie"
        verbose_name_plural = "acties"
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES
