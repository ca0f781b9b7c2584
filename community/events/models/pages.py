"""The agenda and its event pages: what editors set, from the time to the registration rules.

They moved here from cms (issue 10): the registration settings and questions are
this app's domain. Their tables keep the names they had in cms (`db_table`), so
moving them renamed no table; see migrations/0004_event_pages_from_cms.py.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
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
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.models import ThemePage
from cms.models.base import ContentPage
from cms.selectors import paginate

from .registrations import Registration


class EventIndexPage(ContentPage):
    """Upcoming network meetings first, then the ones that took place."""

    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        db_table = "cms_eventindexpage"
        verbose_name = "agenda"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public()
        now = timezone.now()
        # Free seats per card in one query (an annotation), not one per event.
        context["upcoming"] = events.filter(end__gte=now).order_by("start").with_seats_held()
        context["page_obj"] = paginate(
            request, events.filter(end__lt=now).order_by("-start"), per_page=10
        )
        return context


class EventPageQuerySet(PageQuerySet):
    def with_seats_held(self):
        """Annotate `seats_held` (confirmed seats and open offers) for the agenda's cards.

        The card's "Nog 3 plaatsen vrij" (event_tags.card_seats_left) reads it,
        so a listing never costs a query per event.
        """
        return self.annotate(
            seats_held=Count(
                "registrations", filter=Q(registrations__status__in=Registration.HOLDS_SEAT)
            )
        )


class EventPage(ContentPage):
    """A network meeting, themed day or conference. Times are stored in UTC."""

    objects = PageManager.from_queryset(EventPageQuerySet)()

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

    # Registration through the platform. Seat counts live in EventSeats and
    # Registration, never on the page: publishing a revision would overwrite them.
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
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        db_table = "cms_eventpage"
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In a preview the themes are modelcluster's in-memory relation, which has
        # no .live(): look the chosen pages up by id (the same for a saved page).
        theme_ids = [theme.pk for theme in self.themes.all()]
        context["themes"] = ThemePage.objects.filter(pk__in=theme_ids).live().public()
        # The registration box comes from event_tags.registration_box in the template.
        return context
