"""The vocabularies editors maintain: process steps, instrument types, chain partners."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class OrderedVocabulary(index.Indexed, models.Model):
    """A named, ordered term with a description, kept by editors."""

    name = models.CharField("naam", max_length=80, unique=True)
    slug = models.SlugField(
        "korte naam in URL", max_length=80, unique=True,
        help_text="Wordt gebruikt in filter-URL's, bijvoorbeeld ?stap=beleid.",
    )
    description = models.TextField("omschrijving", blank=True)
    sort_order = models.PositiveSmallIntegerField("volgorde", default=0, db_index=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ProcessStep(OrderedVocabulary):
    """One of the five steps every theme goes through (risicomanagement … continuïteit)."""

    class Meta(OrderedVocabulary.Meta):
        verbose_name = "processtap"
        verbose_name_plural = "processtappen"


class InstrumentType(OrderedVocabulary):
    """What kind of instrument: normenkader, stappenplan, handleiding, …"""

    class Meta(OrderedVocabulary.Meta):
        verbose_name = "instrumenttype"
        verbose_name_plural = "instrumenttypen"


class ChainPartner(index.Indexed, models.Model):
    """An organisation outside the sector that institutions work with (ketenpartner)."""

    name = models.CharField("naam", max_length=120, unique=True)
    website = models.URLField("website", blank=True)
    description = models.TextField("omschrijving", blank=True)

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "ketenpartner"
        verbose_name_plural = "ketenpartners"
        ordering = ["name"]

    def __str__(self):
        return self.name
