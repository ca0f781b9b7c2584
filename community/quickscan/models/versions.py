"""Questionnaire versions that editors keep in the Wagtail admin.

A version is drafted, then published; from then on it is frozen, because
submitted scans and the sector benchmark refer to its questions. To change
questions an editor drafts a new version beside it (a copy), and publishes that.
"""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

FROZEN_MESSAGE = (
    "Deze versie is gepubliceerd en staat vast: ingevulde scans en de benchmark verwijzen "
    "naar deze vragen. Maak een nieuwe conceptversie op basis hiervan om iets te wijzigen."
)


class QuickscanVersionForm(WagtailAdminModelForm):
    """Refuses any change to a published version, inline questions included."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            stored = type(self.instance).objects.filter(pk=self.instance.pk).values_list(
                "status", flat=True
            ).first()
            if stored == QuickscanVersion.Status.PUBLISHED:
                raise ValidationError(FROZEN_MESSAGE, code="frozen")
        return cleaned


class QuickscanVersion(index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        FULL = "volledig", "Volledige quickscan"
        SHORT = "kort", "Korte quickscan (kleine hogescholen)"

    class Status(models.TextChoices):
        DRAFT = "concept", "Concept"
        PUBLISHED = "gepubliceerd", "Gepubliceerd"

    title = models.CharField(
        "titel", max_length=120,
        help_text="Bijvoorbeeld 'Quickscan integrale veiligheid 2026'. Leden zien deze titel.",
    )
    kind = models.CharField(
        "soort", max_length=10, choices=Kind.choices, default=Kind.FULL,
        help_text="Leden starten altijd de nieuwste gepubliceerde versie van een soort.",
    )
    introduction = models.TextField(
        "inleiding", blank=True, max_length=2000,
        help_text="Wat de scan meet en hoe lang het invullen ongeveer duurt.",
    )
    status = models.CharField(
        "status", max_length=15, choices=Status.choices, default=Status.DRAFT, editable=False,
    )
    published_at = models.DateTimeField("gepubliceerd op", null=True, blank=True, editable=False)
    based_on = models.ForeignKey(
        "self", verbose_name="gebaseerd op", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    base_form_class = QuickscanVersionForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("kind"), FieldPanel("introduction")],
            heading="Versie",
        ),
        InlinePanel(
            "questions", heading="Vragen", label="Vraag",
            help_text="Per thema en processtap minstens één vraag. De volgorde hier is de "
            "volgorde binnen een cel van thema en processtap.",
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = "quickscanversie"
        verbose_name_plural = "quickscanversies"
        ordering = ["kind", "-published_at", "-created_at"]
        permissions = [
            ("view_sector_report",
             "Kan de sectorrapportage van de quickscan zien (alleen totalen)"),
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display().lower()})"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class Question(Orderable):
    """One question in one cell of theme × process step, with the five levels described."""

    version = ParentalKey(QuickscanVersion, related_name="questions", on_delete=models.CASCADE)
    theme = models.ForeignKey(
        "cms.ThemePage", verbose_name="thema", on_delete=models.PROTECT, related_name="+",
    )
    step = models.ForeignKey(
        "cms.ProcessStep", verbose_name="processtap", on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.CharField("vraag", max_length=300)
    help_text = models.TextField(
        "toelichting", blank=True, max_length=1000,
        help_text="Wat telt mee, waar vind je het antwoord, wie kun je het vragen.",
    )
    level_1 = models.TextField("1 – initieel", max_length=500)
    level_2 = models.TextField("2 – herhaalbaar", max_length=500)
    level_3 = models.TextField("3 – gedefinieerd", max_length=500)
    level_4 = models.TextField("4 – beheerst", max_length=500)
    level_5 = models.TextField("5 – optimaliserend", max_length=500)

    panels = [
        FieldRowPanel([FieldPanel("theme"), FieldPanel("step")]),
        FieldPanel("text"),
        FieldPanel("help_text"),
        MultiFieldPanel(
            [FieldPanel(f"level_{number}") for number in range(1, 6)],
            heading="Niveaus van volwassenheid",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "vraag"
        verbose_name_plural = "vragen"

    def __str__(self):
        return self.text

    @property
    def level_descriptions(self):
        """[(1, description), … (5, description)]."""
        return [(number, getattr(self, f"level_{number}")) for number in range(1, 6)]
