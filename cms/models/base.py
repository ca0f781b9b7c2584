"""What every page type of the knowledge base shares."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock


class ContentPage(Page):
    """A page with an introduction and a body of blocks. Abstract."""

    intro = models.TextField(
        "inleiding", blank=True, max_length=600,
        help_text="Eén of twee zinnen; verschijnt ook in overzichten en zoekresultaten.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="inhoud", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def get_absolute_url(self):
        # django-comments-xtd and other Django code expect this; Wagtail pages lack it.
        return self.get_url()

    @property
    def listing_text(self):
        return self.search_description or self.intro
