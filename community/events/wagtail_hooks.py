"""The editors' way in: an admin menu item, and a button on each event page in the admin."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import admin_urls, admin_views
from .models import EventPage, Registration
from .permissions import can_manage


class EventRegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_manage_some_event(request.user)


class EventRegistrationsButton(PageMenuItem):
    """"Aanmeldingen" on an event page: in its header (editor, explorer) and its "more" menu."""

    label = "Aanmeldingen"
    icon_name = "group"

    def is_shown(self, user):
        return can_manage(user, self.page)

    @property
    def url(self):
        return reverse("events_admin:event", args=[self.page.pk])


def is_event(page):
    # The explorer passes plain Page objects: the content type says what it is
    # without loading the specific page.
    return issubclass(page.specific_class or object, EventPage)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [path("bijeenkomsten/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_event_registrations_menu_item():
    # "Aanmeldingen" alone is the membership approval queue (community.members).
    return EventRegistrationsMenuItem(
        "Aanmeldingen bijeenkomsten", reverse("events_admin:index"),
        name="aanmeldingen-bijeenkomsten", icon_name="date", order=245,
    )


@hooks.register("register_page_header_buttons")
def event_registrations_header_button(page, user, view_name, next_url=None):
    if is_event(page):
        yield EventRegistrationsButton(page=page, priority=12)


@hooks.register("register_page_listing_more_buttons")
def event_registrations_listing_button(page, user, next_url=None):
    if is_event(page):
        yield EventRegistrationsButton(page=page, priority=3)


@hooks.register("before_unpublish_page")
@hooks.register("before_delete_page")
def keep_registrants_informed(request, page):
    """Refuse to take an upcoming event with registrations offline silently.

    Unpublishing or deleting sends nobody a mail (and deleting loses the
    registrations); cancelling does: it mails everyone and closes registration.
    So the editor is sent to cancel first; afterwards the page may go.
    """
    if not is_event(page):
        return None
    event = page.specific
    if event.cancelled or event.is_past:
        return None
    count = event.registrations.filter(status__in=Registration.ACTIVE).count()
    if not count:
        return None
    people = "1 persoon" if count == 1 else f"{count} mensen"
    messages.error(
        request,
        f"Voor “{event.title}” staan nog {people} aangemeld of op de wachtlijst. "
        "Zet eerst ‘geannuleerd’ aan en publiceer de pagina: dan krijgt iedereen bericht "
        "en sluit de aanmelding. Daarna kun je de pagina offline halen of verwijderen.",
    )
    return redirect("wagtailadmin_pages:edit", event.pk)
