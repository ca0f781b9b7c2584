from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page
from wagtail.search import index

from .base import ContentPage
from .themes import ThemePage


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
        # Free seats per card in one query (an annotation), not one per event.
        from community.events.selectors import with_seats_held

        context["upcoming"] = with_seats_held(events.filter(end__gte=now).order_by("start"))
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
        help_text="Alleen zichtbaar voor wie een bevestigde plek heeft (op de pagina, "
        "in mails en agenda-bestanden) en voor wie deze pagina mag bewerken.",
    )
    themes = ParentalManyToManyField(
        "cms.ThemePage", verbose_name="thema's", blank=True, related_name="events",
    )
    cancelled = models.BooleanField(
        "geannuleerd", default=False,
        help_text="Aangemelde deelnemers krijgen bij publiceren een annuleringsmail.",
    )
    chatham_house = models.BooleanField(
        "Chatham House Rule", default=False,
        help_text="De deelnemerslijst blijft verborgen en de pagina noemt de regel.",
    )

    # Registration through the platform. Seat counts live in community.events,
    # never on the page: publishing a revision would overwrite them.
    registration_enabled = models.BooleanField("aanmelden via het platform", default=False)
    open_to_guests = models.BooleanField(
        "ook open voor niet-leden", default=False,
        help_text="Niet-leden melden zich aan met naam, e-mailadres en instelling "
        "en bevestigen hun e-mailadres.",
    )
    capacity = models.PositiveIntegerField(
        "aantal plaatsen", null=True, blank=True,
        help_text="Leeg: onbeperkt. Is het vol, dan kan men op de wachtlijst.",
    )
    max_per_institution = models.PositiveIntegerField(
        "maximum per instelling", null=True, blank=True, help_text="Leeg: geen maximum.",
    )
    registration_opens_at = models.DateTimeField(
        "aanmelding opent", null=True, blank=True, help_text="Leeg: direct na publiceren.",
    )
    registration_closes_at = models.DateTimeField(
        "aanmelding sluit", null=True, blank=True, help_text="Leeg: bij het begin.",
    )
    cancellation_deadline = models.DateTimeField(
        "afmelden kan tot", null=True, blank=True, help_text="Leeg: tot het begin.",
    )
    offer_hours = models.PositiveSmallIntegerField(
        "bedenktijd bij een vrijgekomen plek (uren)", default=48,
        help_text="Zo lang heeft iemand van de wachtlijst om een aangeboden plek te "
        "bevestigen; daarna gaat het aanbod naar de volgende.",
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
        MultiFieldPanel(
            [FieldPanel("chatham_house"), FieldPanel("cancelled")], heading="Bijzonderheden",
        ),
    ]
    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("open_to_guests"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_per_institution")]),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldRowPanel([FieldPanel("cancellation_deadline"), FieldPanel("offer_hours")]),
            ],
            heading="Aanmelding",
        ),
        InlinePanel(
            "registration_questions", label="Vraag", heading="Vragen bij het aanmelden",
            help_text="Bijvoorbeeld dieetwensen of een keuze uit workshops.",
        ),
    ]
    # Wagtail's default tabs, with the registration settings as a tab of their own.
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=gettext_lazy("Content")),
            ObjectList(registration_panels, heading="Aanmelding"),
            ObjectList(Page.promote_panels, heading=gettext_lazy("Promote")),
            ObjectList(Page.settings_panels, heading=gettext_lazy("Settings")),
        ]
    )
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
        self._clean_registration()

    def _clean_registration(self):
        errors = {}
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = "De aanmelding sluit vóórdat ze opent."
        if closes and self.end and closes > self.end:
            errors["registration_closes_at"] = "De aanmelding sluit na afloop."
        if self.cancellation_deadline and self.end and self.cancellation_deadline > self.end:
            errors["cancellation_deadline"] = "Afmelden kan niet na afloop."
        if self.max_per_institution and self.capacity and self.max_per_institution > self.capacity:
            errors["max_per_institution"] = "Het maximum per instelling is groter dan het totaal."
        if self.open_to_guests and not self.registration_enabled:
            errors["open_to_guests"] = "Zet eerst het aanmelden via het platform aan."
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def listing_seats_left(self):
        """Free seats for an agenda card (0: full, waitlist open), or None to say nothing.

        Only where registration is open and the number is limited, and only on a
        page whose queryset carries `seats_held` (community.events.selectors.
        with_seats_held): a card never costs a query of its own.
        """
        from community.events.selectors import registration_window

        held = getattr(self, "seats_held", None)
        if held is None or self.capacity is None:
            return None
        if registration_window(event=self, now=timezone.now()) != "open":
            return None
        return max(self.capacity - held, 0)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In a preview the themes are modelcluster's in-memory relation, which has
        # no .live(): look the chosen pages up by id (the same for a saved page).
        theme_ids = [theme.pk for theme in self.themes.all()]
        context["themes"] = ThemePage.objects.filter(pk__in=theme_ids).live().public()
        if self.registration_enabled:
            from community.events.views import registration_box

            context["box"] = registration_box(request, self)
        return context
