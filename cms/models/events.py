from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .base import ContentPage


class EventIndexPage(ContentPage):
    """Upcoming network meetings first, then the ones that took place."""

    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = "agenda"

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import paginate

        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public()
        now = timezone.now()
        context["upcoming"] = events.filter(end__gte=now).order_by("start")
        context["page_obj"] = paginate(
            request, events.filter(end__lt=now).order_by("-start"), per_page=10
        )
        return context


class EventPage(ContentPage):
    """A network meeting, themed day or conference. Times are stored in UTC."""

    class Format(models.TextChoices):
        ON_SITE = "on_site", "Op locatie"
        ONLINE = "online", "Online"
        HYBRID = "hybrid", "Hybride"

    start = models.DateTimeField("begint op")
    end = models.DateTimeField("eindigt op")
    format = models.CharField(
        "vorm", max_length=10, choices=Format.choices, default=Format.ON_SITE
    )
    location_name = models.CharField("locatie", max_length=160, blank=True)
    address = models.CharField("adres", max_length=255, blank=True)
    online_url = models.URLField(
        "link voor online deelname", blank=True,
        help_text="Wordt alleen getoond aan ingelogde leden.",
    )
    themes = ParentalManyToManyField(
        "cms.ThemePage", verbose_name="thema's", blank=True, related_name="events",
    )

    content_panels = ContentPage.content_panels[:1] + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="Wanneer"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldPanel("online_url"),
            ],
            heading="Waar",
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themes"),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("location_name"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Het einde ligt vóór het begin."})
        if self.format != self.Format.ON_SITE and not self.online_url:
            raise ValidationError({"online_url": "Geef de link voor online deelname."})
        if self.format != self.Format.ONLINE and not self.location_name:
            raise ValidationError({"location_name": "Geef de locatie op."})

    @property
    def is_past(self):
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = self.themes.live().public()
        return context
