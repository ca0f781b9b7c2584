"""Thin views over the registration services, under /bijeenkomsten/.

Every view that names an event first finds it as the viewer may see it: an
event behind page privacy the viewer does not pass is a 404, exactly like an
id that does not exist. Changes happen on POST only: links in mails lead to a
page with a button, because mail scanners open links.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cms.visibility import user_is_member
from community.ratelimits import within_limit

from . import calendar, selectors, services, tokens
from .forms import GuestRegistrationForm, RegistrationForm
from .models import CalendarFeed, Registration
from .permissions import may_see_online_link
from .services import RegistrationError

Status = Registration.Status

REGISTERED = {
    Status.CONFIRMED: "Je bent aangemeld. Je krijgt een bevestiging per e-mail, met de "
    "bijeenkomst als agenda-item.",
    Status.WAITLISTED: "De bijeenkomst is vol: je staat op de wachtlijst. Komt er een plek "
    "vrij, dan krijg je een e-mail.",
    Status.UNCONFIRMED: "Bijna klaar: we hebben je een e-mail gestuurd. Bevestig je "
    "e-mailadres met de link daarin om je aanmelding af te ronden.",
}


def _event_or_404(request, event_id):
    event = selectors.event_for_request(request, event_id)
    if event is None:
        raise Http404("Geen bijeenkomst")
    return event


# The outcome of registering or cancelling is shown inside the registration box,
# in an element the redirect's fragment points to: the browser moves focus there,
# so a screen reader reads it (WCAG 4.1.3), and it is not repeated at the top.
OUTCOME_SESSION_KEY = "events_outcome"
OUTCOME_ANCHOR = "aanmelden-uitkomst"
TOO_MANY_SIGNUPS = (
    "Er zijn kort na elkaar veel aanmeldingen gedaan. Wacht even en probeer het "
    "later opnieuw; wat je invulde staat er nog."
)


def _back_to_event(request, event, text, *, error=False):
    request.session[OUTCOME_SESSION_KEY] = {"event": event.pk, "text": text, "error": error}
    return redirect(f"{event.url or '/'}#{OUTCOME_ANCHOR}")


def _outcome_for(request, event):
    """The outcome a redirect left for this event's box, taken once (None otherwise)."""
    outcome = request.session.get(OUTCOME_SESSION_KEY)
    if not outcome or outcome.get("event") != event.pk:
        return None
    del request.session[OUTCOME_SESSION_KEY]
    return outcome


def _error_text(error):
    return " ".join(error.messages)


def registration_box(request, event):
    """Context for the registration box on the event page (event_tags.registration_box)."""
    state = selectors.registration_state(event=event, user=request.user)
    state["outcome"] = _outcome_for(request, event)
    state["outcome_anchor"] = OUTCOME_ANCHOR
    if state["registration"] is not None:
        state["manage_token"] = tokens.registration_token(registration=state["registration"])
    if state["window"] == "open" and state["registration"] is None:
        if state["viewer_is_member"]:
            state["form"] = RegistrationForm(event=event)
        elif event.open_to_guests:
            state["guest_form"] = GuestRegistrationForm(
                event=event,
                initial={"guest_email": request.user.email}
                if request.user.is_authenticated else None,
            )
    return state


@require_http_methods(["GET", "POST"])
def register(request, event_id):
    """A member registers (or joins the waitlist). The event page's form posts here."""
    event = _event_or_404(request, event_id)
    if not request.user.is_authenticated:
        return redirect_to_login(event.url or request.get_full_path())
    if not user_is_member(request.user):
        return TemplateResponse(
            request, "events/members_only.html", {"event": event}, status=403
        )
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, event=event
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                event=event, user=request.user, answers=form.answers()
            )
        except RegistrationError as error:
            return _back_to_event(request, event, _error_text(error), error=True)
        return _back_to_event(request, event, REGISTERED[registration.status])
    return TemplateResponse(
        request, "events/register.html", {"event": event, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def guest_register(request, event_id):
    """Someone without membership registers for an event open to guests."""
    event = _event_or_404(request, event_id)
    if not event.open_to_guests:
        raise Http404("Niet open voor gasten")
    if user_is_member(request.user):
        return redirect("events:register", event_id=event.pk)
    form = GuestRegistrationForm(
        request.POST if request.method == "POST" else None, event=event
    )
    status = 400 if form.is_bound else 200
    if request.method == "POST" and form.is_valid():
        # Each sign-up mails an address nobody has confirmed: limited per IP and per
        # address, so the form is no way to flood someone's inbox.
        if not within_limit(
            request, action="event_guest_signup", key=form.cleaned_data["guest_email"].lower()
        ):
            form.add_error(None, TOO_MANY_SIGNUPS)
            status = 429
        else:
            try:
                registration = services.registration_create(
                    event=event, guest=form.guest(), answers=form.answers()
                )
            except RegistrationError as error:
                form.add_error(None, _error_text(error))
            else:
                return _back_to_event(request, event, REGISTERED[registration.status])
    return TemplateResponse(
        request, "events/register.html", {"event": event, "form": form, "guest": True},
        status=status,
    )


@require_POST
def cancel(request, event_id):
    """A member cancels their own registration from the event page."""
    event = _event_or_404(request, event_id)
    if not request.user.is_authenticated:
        return redirect_to_login(event.url or "/")
    registration = event.registrations.filter(
        user=request.user, status__in=Registration.ACTIVE
    ).first()
    if registration is None:
        return _back_to_event(request, event, services.NOT_ACTIVE, error=True)
    try:
        services.registration_cancel(registration=registration)
    except RegistrationError as error:
        return _back_to_event(request, event, _error_text(error), error=True)
    return _back_to_event(
        request, event, "Je bent afgemeld. Je krijgt een bevestiging per e-mail."
    )


MANAGE_ACTIONS = {
    "confirm": (services.guest_confirm, None),
    "accept": (services.offer_accept, "Je plek is bevestigd. Tot dan!"),
    "cancel": (services.registration_cancel, "Je bent afgemeld."),
}


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """The page a mail links to: confirm an address, take an offered seat, or cancel.

    For a guest the signed token is the proof: whoever has the mail may act on
    it. A registration that belongs to an account also needs that account: a
    forwarded mail does not let someone else give up a member's seat. Anyone
    else logged in sees the same 404 as for a bad token. GET only shows; the
    buttons POST.
    """
    registration = tokens.registration_from_token(token)
    if registration is None:
        raise Http404("Onbekende aanmelding")
    if registration.user_id is not None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.user.pk != registration.user_id:
            raise Http404("Onbekende aanmelding")
    error = None
    if request.method == "POST":
        action = MANAGE_ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            error = "Kies wat je wilt doen met de knoppen hieronder."
        else:
            service, message = action
            try:
                registration = service(registration=registration)
            except RegistrationError as refusal:
                error = _error_text(refusal)
            else:
                messages.success(request, message or REGISTERED[registration.status])
                return redirect("events:manage", token=token)
    registration.refresh_from_db()
    state = {
        "registration": registration,
        "event": registration.event,
        "token": token,
        "error": error,
        "waitlist_position": selectors.waitlist_position(registration=registration),
        "cancel_until": selectors.cancellation_deadline(registration.event),
        "can_cancel": registration.is_active and (
            registration.status != Status.CONFIRMED
            or timezone.now() <= selectors.cancellation_deadline(registration.event)
        ),
    }
    return TemplateResponse(
        request, "events/manage.html", state, status=400 if error else 200
    )


@login_required
@require_GET
def my_events(request):
    upcoming, past = selectors.registrations_of(user=request.user)
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return TemplateResponse(
        request, "events/my_events.html",
        {
            "upcoming": [
                {
                    "registration": registration,
                    "position": selectors.waitlist_position(registration=registration),
                    "manage_url": reverse(
                        "events:manage",
                        args=[tokens.registration_token(registration=registration)],
                    ),
                }
                for registration in upcoming
            ],
            "past": past,
            "feed_url": (
                request.build_absolute_uri(reverse("events:personal_feed", args=[feed.token]))
                if feed else ""
            ),
            "public_feed_url": request.build_absolute_uri(reverse("events:public_feed")),
        },
    )


@login_required
@require_POST
def feed_renew(request):
    """Make (or replace) the member's secret feed URL; the old one stops working."""
    services.calendar_feed_renew(user=request.user)
    messages.success(
        request,
        "Je hebt een nieuwe agenda-link. De oude werkt niet meer: vervang hem in je agenda.",
    )
    return redirect("events:my_events")


def _ics(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def personal_feed(request, token):
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("Onbekende agenda")
    registrations = list(selectors.feed_registrations(user=feed.user))
    return _ics(
        calendar.feed_ics(
            [r.event for r in registrations], name="Mijn bijeenkomsten (IV-HO)",
            for_registrant=True,
            # The link only for a confirmed seat: an open offer is not one yet.
            online_link_for={r.event_id for r in registrations if r.status == Status.CONFIRMED},
        ),
        "mijn-bijeenkomsten.ics",
    )


@require_GET
def public_feed(request):
    return _ics(
        calendar.feed_ics(selectors.public_feed_events(), name="Bijeenkomsten IV-HO"),
        "bijeenkomsten-ivho.ics",
    )


@require_GET
def event_download(request, event_id):
    event = _event_or_404(request, event_id)
    return _ics(
        calendar.event_ics(event, with_online_link=may_see_online_link(request.user, event)),
        f"{event.slug}.ics",
    )


@require_GET
def attendee_list(request, event_id):
    """Who comes, for members. Under the Chatham House rule there is no list at all."""
    event = _event_or_404(request, event_id)
    if not event.registration_enabled or event.chatham_house:
        raise Http404("Geen deelnemerslijst")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user_is_member(request.user):
        return TemplateResponse(
            request, "events/members_only.html", {"event": event}, status=403
        )
    cards, guests = selectors.attendee_cards(event=event)
    return TemplateResponse(
        request, "events/attendee_list.html",
        {"event": event, "cards": cards, "guest_count": guests},
    )
