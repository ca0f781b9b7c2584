"""Instruments: the reusable tools institutions adopt, per theme and process step."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.visibility import Visibility, user_is_member

from .base import ContentPage


class InstrumentIndexPage(ContentPage):
    """All instruments, filtered by theme, process step and type (shareable URLs)."""

    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "instrumentenoverzicht"

    def get_context(self, request, *args, **kwargs):
        from cms.filters import instrument_filter_context

        context = super().get_context(request, *args, **kwargs)
        context.update(instrument_filter_context(request))
        return context


class InstrumentPage(ContentPage):
    """One instrument. Lives under its primary theme; may belong to more themes."""

    summary = models.TextField(
        "samenvatting", max_length=500,
        help_text="Waarvoor is dit instrument en voor wie? Maximaal 500 tekens.",
    )
    instrument_type = models.ForeignKey(
        "cms.InstrumentType", verbose_name="type", on_delete=models.PROTECT,
        related_name="instruments",
    )
    steps = ParentalManyToManyField(
        "cms.ProcessStep", verbose_name="processtappen", related_name="instruments",
    )
    other_themes = ParentalManyToManyField(
        "cms.ThemePage", verbose_name="ook bij thema's", blank=True,
        related_name="linked_instruments",
        help_text="Het hoofdthema is de bovenliggende pagina; kies hier extra thema's.",
    )
    visibility = models.CharField(
        "zichtbaarheid", max_length=10, choices=Visibility.choices,
        default=Visibility.PUBLIC, db_index=True,
        help_text="'Alleen leden': niet zichtbaar, vindbaar of gelinkt voor bezoekers "
        "die niet zijn ingelogd als lid. Bijlagen worden dan ook alleen aan leden getoond.",
    )
    must_adapt = models.BooleanField(
        "aanpassen voor gebruik", default=False,
        help_text="Vink aan als een instelling het instrument eerst moet invullen of aanpassen.",
    )
    owner_name = models.CharField(
        "eigenaar", max_length=160, blank=True,
        help_text="De werkgroep, instelling of persoon die het instrument onderhoudt.",
    )
    chain_partner = models.ForeignKey(
        "cms.ChainPartner", verbose_name="ketenpartner", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="instruments",
    )
    external_url = models.URLField(
        "externe link", blank=True,
        help_text="Bijvoorbeeld naar het instrument op de site van een ketenpartner.",
    )
    publication_date = models.DateField("publicatiedatum", default=timezone.localdate)
    review_date = models.DateField(
        "herzien op", null=True, blank=True,
        help_text="Datum waarop het instrument opnieuw wordt beoordeeld.",
    )

    content_panels = ContentPage.content_panels[:1] + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("instrument_type"),
                FieldPanel("steps", widget=forms.CheckboxSelectMultiple),
                FieldPanel("other_themes"),
            ],
            heading="Indeling",
        ),
        FieldPanel("body"),
        InlinePanel("attachments", label="Bijlagen"),
        MultiFieldPanel(
            [FieldPanel("chain_partner"), FieldPanel("external_url")],
            heading="Ketenpartner",
        ),
        MultiFieldPanel(
            [
                FieldPanel("visibility"),
                FieldPanel("must_adapt"),
                FieldPanel("owner_name"),
                FieldPanel("publication_date"),
                FieldPanel("review_date"),
            ],
            heading="Beheer",
        ),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.RelatedFields("instrument_type", [index.SearchField("name")]),
        index.FilterField("visibility"),
    ]
    parent_page_types = ["cms.ThemePage"]
    subpage_types = []

    class Meta:
        verbose_name = "instrument"
        verbose_name_plural = "instrumenten"
        permissions = [("view_members_only", "Kan instrumenten 'alleen voor leden' zien")]

    @property
    def is_members_only(self):
        return self.visibility == Visibility.MEMBERS

    @property
    def listing_text(self):
        return self.summary

    def clean(self):
        super().clean()
        if self.review_date and self.publication_date and self.review_date < self.publication_date:
            raise ValidationError(
                {"review_date": "De herzieningsdatum ligt vóór de publicatiedatum."}
            )

    def serve(self, request, *args, **kwargs):
        if self.is_members_only and not user_is_member(request.user):
            return self.serve_members_only_notice(request)
        return super().serve(request, *args, **kwargs)

    def serve_members_only_notice(self, request):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        # A logged-in account without membership: say why, reveal nothing.
        return TemplateResponse(request, "cms/members_only.html", status=403)

    def get_sitemap_urls(self, request=None):
        return [] if self.is_members_only else super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["primary_theme"] = self.get_parent().specific
        context["attachments"] = self.attachments.select_related("document")
        return context


class InstrumentAttachment(Orderable):
    """A file that belongs to an instrument (PDF, DOCX, XLSX…), as a Wagtail document."""

    page = ParentalKey(InstrumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="document", on_delete=models.CASCADE,
        related_name="+",
    )
    description = models.CharField("omschrijving", max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"
