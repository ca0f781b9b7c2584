"""The editors' registration pages in the Wagtail admin, per event.

Who may use them: whoever may edit the event page in Wagtail
(`permissions.can_manage`: `page.permissions_for_user(user).can_edit()`, which
includes superusers; the same rule gives editors the online link). So the rule
follows the page tree editors already manage: Redacteuren and
Eindredactie edit the whole site and see every event; a group given rights on
one section only sees the events in it. The list holds personal data (names,
addresses, dietary needs), which is why it is not enough to reach the admin.
Wagtail itself sends anonymous visitors to the login page and people without
admin access away; a PermissionDenied here becomes Wagtail's "no permission"
redirect to the dashboard.

The views stay thin: reads come from selectors, exports and broadcasts, and every
change of a registration goes through community.events.services.
"""

import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import broadcasts, exports, selectors, services
from .admin_forms import GUEST, BroadcastForm, RegistrationAddForm
from .models import EventPage, Registration
from .permissions import can_manage

Status = Registration.Status
MAX_ID = 2**31 - 1


def may_manage_some_event(user):
    """For the menu item: anyone who may edit or add pages somewhere."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and PagePermissionPolicy().user_has_any_permission(user, {"add", "change"})
    )


def managed_event(request, event_id):
    """The event, if it exists and the user may manage it."""
    if not 0 < event_id <= MAX_ID:
        raise Http404
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404
    if not can_manage(request.user, event):
        raise PermissionDenied
    return event


def event_registration(event, registration_id):
    if not 0 < registration_id <= MAX_ID:
        raise Http404
    registration = (
        event.registrations.select_related("institution", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        raise Http404
    return registration


def local(moment):
    return timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE)) if moment else None


def event_summary(event):
    taken = selectors.seats_taken(event=event)
    return {
        "event": event,
        "start": local(event.start),
        "end": local(event.end),
        "seats_taken": taken,
        "seats_left": selectors.seats_left(event=event),
        "capacity": event.capacity,
    }


# --- The list of events -------------------------------------------------------------


class EventListView(WagtailAdminTemplateMixin, TemplateView):
    """Events with registration through the platform: upcoming ones, or (?eerder=1) past ones."""

    template_name = "events/admin/event_list.html"
    page_title = "Aanmeldingen bijeenkomsten"
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_some_event(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        past = self.request.GET.get("eerder") == "1"
        now = timezone.now()
        events = EventPage.objects.filter(registration_enabled=True).annotate(
            taken=Count(
                "registrations", filter=Q(registrations__status__in=Registration.HOLDS_SEAT)
            ),
            waiting=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
            unconfirmed=Count("registrations", filter=Q(registrations__status=Status.UNCONFIRMED)),
        )
        events = (
            events.filter(end__lt=now).order_by("-start")
            if past
            else events.filter(end__gte=now).order_by("start")
        )
        rows = []
        for event in events:
            if not can_manage(self.request.user, event):
                continue
            left = None if event.capacity is None else max(event.capacity - event.taken, 0)
            rows.append({"event": event, "start": local(event.start), "seats_left": left})
        page = Paginator(rows, 25).get_page(self.request.GET.get("p"))
        context.update(page_obj=page, rows=page.object_list, past=past)
        return context


# --- One event -------------------------------------------------------------------------


class EventRegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    """Seats, attendees, the waitlist, who has not confirmed yet and who left."""

    template_name = "events/admin/event_registrations.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.event = managed_event(request, kwargs["event_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Aanmeldingen: {self.event.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("events_admin:index"), "label": "Aanmeldingen bijeenkomsten"},
            {"url": "", "label": self.event.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        registrations = event.registrations.select_related("institution", "added_by")
        context.update(event_summary(event))
        context.update(
            attendees=list(selectors.attendees(event=event)),
            waitlist=list(selectors.waitlist(event=event)),
            unconfirmed=list(
                registrations.filter(status=Status.UNCONFIRMED).order_by("created_at", "pk")
            ),
            gone=list(
                registrations.filter(status__in=[Status.CANCELLED, Status.EXPIRED]).order_by(
                    "-cancelled_at", "-updated_at", "-pk"
                )
            ),
            edit_url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
            anonymised_label=exports.ANONYMISED,
        )
        return context


def _download(content, *, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Personal data: no cache along the way keeps a copy.
    response["Cache-Control"] = "no-store, private"
    return response


def attendees_csv(request, event_id):
    event = managed_event(request, event_id)
    return _download(
        exports.attendees_csv(event=event),
        content_type="text/csv; charset=utf-8",
        name=exports.filename(event=event, extension="csv"),
    )


def attendees_xlsx(request, event_id):
    event = managed_event(request, event_id)
    return _download(
        exports.attendees_xlsx(event=event),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        name=exports.filename(event=event, extension="xlsx"),
    )


def checkin_list(request, event_id):
    """A page to print: the confirmed attendees by name, with a box to tick at the door."""
    event = managed_event(request, event_id)
    return TemplateResponse(
        request,
        "events/admin/checkin_list.html",
        {
            **event_summary(event),
            "attendees": selectors.attendees(event=event),
            "anonymised_label": exports.ANONYMISED,
            "back_url": reverse("events_admin:event", args=[event.pk]),
        },
    )


# --- Changes through the services ------------------------------------------------------


class RegistrationAddView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/registration_add.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.event = managed_event(request, kwargs["event_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Iemand aanmelden: {self.event.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("events_admin:index"), "label": "Aanmeldingen bijeenkomsten"},
            {"url": reverse("events_admin:event", args=[self.event.pk]), "label": self.event.title},
            {"url": "", "label": "Iemand aanmelden"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(event_summary(self.event))
        context.setdefault("form", RegistrationAddForm(event=self.event))
        return context

    def post(self, request, *args, **kwargs):
        form = RegistrationAddForm(request.POST, event=self.event)
        if form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.registration_create(
                    event=self.event,
                    user=data["member"] if data["kind"] != GUEST else None,
                    guest=form.guest() if data["kind"] == GUEST else None,
                    answers=form.answers(),
                    added_by=request.user,
                    force_seat=data["force_seat"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, added_message(registration))
                return redirect("events_admin:event", self.event.pk)
        return self.render_to_response(self.get_context_data(form=form))


def added_message(registration):
    where = {
        Status.CONFIRMED: "heeft een plek",
        Status.OFFERED: "krijgt een plek aangeboden",
        Status.WAITLISTED: "staat op de wachtlijst (de bijeenkomst is vol)",
        Status.UNCONFIRMED: "moet het e-mailadres nog bevestigen",
    }.get(registration.status, f"heeft de status “{registration.get_status_display()}”")
    return f"{registration.name} is aangemeld en {where}."


class RegistrationCancelView(WagtailAdminTemplateMixin, TemplateView):
    """Ask first (GET), cancel on POST. The freed seat goes to the waitlist (the service)."""

    template_name = "events/admin/registration_cancel.html"
    header_icon = "cross"

    def dispatch(self, request, *args, **kwargs):
        self.event = managed_event(request, kwargs["event_id"])
        self.registration = event_registration(self.event, kwargs["registration_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Aanmelding intrekken"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("events_admin:index"), "label": "Aanmeldingen bijeenkomsten"},
            {"url": reverse("events_admin:event", args=[self.event.pk]), "label": self.event.title},
            {"url": "", "label": "Aanmelding intrekken"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            registration=self.registration,
            anonymised_label=exports.ANONYMISED,
            back_url=reverse("events_admin:event", args=[self.event.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        registration = self.registration
        if not registration.is_active:
            messages.info(request, "Deze aanmelding was al ingetrokken.")
            return redirect("events_admin:event", self.event.pk)
        try:
            services.registration_cancel(registration=registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"De aanmelding van {registration.name or exports.ANONYMISED} is ingetrokken; "
                "een vrijgekomen plek gaat naar de eerste op de wachtlijst.",
            )
        return redirect("events_admin:event", self.event.pk)


# --- Mail to everyone registered -----------------------------------------------------


class BroadcastView(WagtailAdminTemplateMixin, TemplateView):
    """Write (GET), check the preview and the number of recipients (POST), send (POST)."""

    template_name = "events/admin/broadcast.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.event = managed_event(request, kwargs["event_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Mail aan aangemelden: {self.event.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("events_admin:index"), "label": "Aanmeldingen bijeenkomsten"},
            {"url": reverse("events_admin:event", args=[self.event.pk]), "label": self.event.title},
            {"url": "", "label": "Mail aan aangemelden"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        context.update(event_summary(event))
        context.setdefault("form", BroadcastForm())
        context.update(
            count_seats=broadcasts.recipient_count(event=event),
            count_with_waitlist=broadcasts.recipient_count(event=event, include_waitlist=True),
            history=broadcasts.broadcast_history(event=event),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = BroadcastForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        step = request.POST.get("stap")
        if step == "bewerken":
            edit = BroadcastForm(initial={**data, "token": None})
            return self.render_to_response(self.get_context_data(form=edit))
        if step != "versturen" or not data.get("token"):
            # The preview: the same form with a fresh token, to confirm.
            preview = BroadcastForm(initial={**data, "token": uuid.uuid4()})
            return self.render_to_response(
                self.get_context_data(
                    form=preview,
                    preview=data,
                    preview_count=broadcasts.recipient_count(
                        event=self.event, include_waitlist=data["include_waitlist"]
                    ),
                )
            )
        try:
            count = broadcasts.registrants_mail(
                event=self.event,
                subject=data["subject"],
                body=data["body"],
                sender=request.user,
                include_waitlist=data["include_waitlist"],
                token=data["token"],
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "already_sent":
                messages.info(request, broadcasts.ALREADY_SENT)
                return redirect("events_admin:broadcast", self.event.pk)
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form))
        people = "persoon" if count == 1 else "personen"
        messages.success(request, f"De mail is klaargezet voor {count} {people}.")
        return redirect("events_admin:broadcast", self.event.pk)

