"""Registrations for network meetings (EventPage), the waitlist and calendar feeds.

The page (pages.py) holds what editors set (capacity, deadlines); these models
hold the questions asked and who comes. Seats are counted under a row lock on
the event's `EventSeats` row, never on the page itself, so publishing a page
revision cannot overwrite them.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class RegistrationQuestion(Orderable):
    """A question an editor asks everyone who registers (dietary needs, a workshop)."""

    class Kind(models.TextChoices):
        TEXT = "text", "Open vraag"
        CHOICE = "choice", "Eén keuze uit een lijst"

    event = ParentalKey(
        "events.EventPage", related_name="registration_questions", on_delete=models.CASCADE
    )
    label = models.CharField("vraag", max_length=200)
    help_text = models.CharField("toelichting", max_length=255, blank=True)
    kind = models.CharField("soort", max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(
        "keuzes", blank=True, help_text="Bij een keuzevraag: één keuze per regel."
    )
    required = models.BooleanField("verplicht", default=False)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("help_text"),
        FieldPanel("choices"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "vraag bij het aanmelden"
        verbose_name_plural = "vragen bij het aanmelden"

    def __str__(self):
        return self.label

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class EventSeats(models.Model):
    """One row per event, locked (SELECT … FOR UPDATE) whenever seats change hands.

    It also remembers the time, place and state that registrants were last told
    about, so an update or cancellation mail goes out once per real change.
    """

    event = models.OneToOneField(
        "events.EventPage", primary_key=True, on_delete=models.CASCADE, related_name="seats"
    )
    notified_start = models.DateTimeField(null=True)
    notified_end = models.DateTimeField(null=True)
    notified_place = models.TextField(blank=True)
    notified_cancelled = models.BooleanField(default=False)
    # The iCalendar SEQUENCE: raised with every change registrants are told
    # about (and every cancelled seat), so each new .ics replaces the last one.
    ics_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "plaatsen van een bijeenkomst"
        verbose_name_plural = "plaatsen van bijeenkomsten"

    def __str__(self):
        return f"Plaatsen voor {self.event_id}"


class Registration(models.Model):
    """One person's registration for one event, from sign-up to anonymisation.

    A seat is held by CONFIRMED and OFFERED registrations. Guests (non-members)
    start UNCONFIRMED and take a seat or a waitlist place once they confirm
    their e-mail address. The waitlist is ordered by `waitlisted_at`.
    """

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "E-mailadres nog niet bevestigd"
        CONFIRMED = "confirmed", "Aangemeld"
        WAITLISTED = "waitlisted", "Op de wachtlijst"
        OFFERED = "offered", "Plek aangeboden"
        CANCELLED = "cancelled", "Afgemeld"
        EXPIRED = "expired", "Aanbod verlopen"

    # Statuses of a person who is still "in": at most one such row per person and event.
    ACTIVE = (Status.UNCONFIRMED, Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED)
    HOLDS_SEAT = (Status.CONFIRMED, Status.OFFERED)

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registrations",
        verbose_name="bijeenkomst",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="event_registrations", verbose_name="lid",
    )
    name = models.CharField("naam", max_length=150)
    # Stored lower-case, so the unique constraint below is case-insensitive.
    email = models.EmailField("e-mailadres")
    institution = models.ForeignKey(
        "members.Institution", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="event_registrations", verbose_name="instelling",
    )
    # What the person wrote (guests from outside our institution list), or a
    # copy of the institution's name, so lists stay readable if it is removed.
    institution_name = models.CharField("instelling (zoals opgegeven)", max_length=160)
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    answers = models.JSONField(
        "antwoorden", default=list, blank=True,
        help_text='Lijst van {"question": vraag, "answer": antwoord}, met de vraag '
        "zoals die gesteld werd.",
    )
    waitlisted_at = models.DateTimeField("op de wachtlijst sinds", null=True, blank=True)
    offer_expires_at = models.DateTimeField("aanbod geldig tot", null=True, blank=True)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("gewijzigd", auto_now=True)
    cancelled_at = models.DateTimeField("afgemeld op", null=True, blank=True)
    reminder_sent_at = models.DateTimeField("herinnering verstuurd", null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="toegevoegd door",
    )
    anonymised_at = models.DateTimeField("geanonimiseerd op", null=True, blank=True)

    class Meta:
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=["unconfirmed", "confirmed", "waitlisted", "offered"])
                & Q(user__isnull=False),
                name="events_one_active_registration_per_member",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["unconfirmed", "confirmed", "waitlisted", "offered"])
                & ~Q(email=""),
                name="events_one_active_registration_per_address",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="events_offer_has_deadline",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="events_reg_event_status"),
            models.Index(fields=["status", "offer_expires_at"], name="events_reg_offers"),
        ]

    def __str__(self):
        return f"{self.name or 'Geanonimiseerd'} – {self.event_id}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def holds_seat(self):
        return self.status in self.HOLDS_SEAT

    @property
    def is_active(self):
        return self.status in self.ACTIVE


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A member's personal calendar feed: its secret URL can be renewed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "persoonlijke agenda-feed"
        verbose_name_plural = "persoonlijke agenda-feeds"

    def __str__(self):
        return f"Agenda-feed van {self.user_id}"


class Broadcast(models.Model):
    """A mail editors sent to everyone registered for an event: the history in the admin.

    `token` comes from the confirmation form, so a double click or a resent
    POST cannot send the same mail twice (the unique constraint refuses it).
    """

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="broadcasts",
        verbose_name="bijeenkomst",
    )
    token = models.UUIDField(unique=True, editable=False)
    subject = models.CharField("onderwerp", max_length=200)
    body = models.TextField("bericht")
    include_waitlist = models.BooleanField("ook aan de wachtlijst", default=False)
    recipient_count = models.PositiveIntegerField("aantal ontvangers", default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="verstuurd door",
    )
    sent_at = models.DateTimeField("verstuurd op", auto_now_add=True)

    class Meta:
        verbose_name = "mail aan aangemelden"
        verbose_name_plural = "mails aan aangemelden"
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject
