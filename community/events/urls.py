"""Registrations, "Mijn bijeenkomsten" and calendar feeds, under /bijeenkomsten/."""

from django.urls import path, re_path

from . import views

app_name = "events"

urlpatterns = [
    path("<int:event_id>/aanmelden/", views.register, name="register"),
    path("<int:event_id>/aanmelden-als-gast/", views.guest_register, name="guest_register"),
    path("<int:event_id>/afmelden/", views.cancel, name="cancel"),
    path("<int:event_id>/deelnemers/", views.attendee_list, name="attendees"),
    path("<int:event_id>/agenda.ics", views.event_download, name="event_ics"),
    # Tokens are matched strictly: anything else (a NUL byte, a megabyte of text) is
    # a 404 before it reaches the database (PostgreSQL refuses NUL in text: a 500).
    re_path(r"^aanmelding/(?P<token>[A-Za-z0-9_:-]{1,200})/$", views.manage, name="manage"),
    path("mijn/", views.my_events, name="my_events"),
    path("mijn/agenda-link/", views.feed_renew, name="feed_renew"),
    re_path(
        r"^agenda/(?P<token>[A-Za-z0-9_-]{20,64})\.ics$", views.personal_feed,
        name="personal_feed",
    ),
    path("agenda.ics", views.public_feed, name="public_feed"),
]
