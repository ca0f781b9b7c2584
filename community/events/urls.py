"""Registrations, "Mijn bijeenkomsten" and calendar feeds, under /bijeenkomsten/."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("<int:event_id>/aanmelden/", views.register, name="register"),
    path("<int:event_id>/aanmelden-als-gast/", views.guest_register, name="guest_register"),
    path("<int:event_id>/afmelden/", views.cancel, name="cancel"),
    path("<int:event_id>/deelnemers/", views.attendee_list, name="attendees"),
    path("<int:event_id>/agenda.ics", views.event_download, name="event_ics"),
    path("aanmelding/<str:token>/", views.manage, name="manage"),
    path("mijn/", views.my_events, name="my_events"),
    path("mijn/agenda-link/", views.feed_renew, name="feed_renew"),
    path("agenda/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("agenda.ics", views.public_feed, name="public_feed"),
]
