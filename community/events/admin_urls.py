"""URLs of the editors' registration pages, mounted under /admin/bijeenkomsten/."""

from django.urls import path

from . import admin_views

app_name = "events_admin"

urlpatterns = [
    path("", admin_views.EventListView.as_view(), name="index"),
    path("<int:event_id>/", admin_views.EventRegistrationsView.as_view(), name="event"),
    path("<int:event_id>/export.csv", admin_views.attendees_csv, name="export_csv"),
    path("<int:event_id>/export.xlsx", admin_views.attendees_xlsx, name="export_xlsx"),
    path("<int:event_id>/presentielijst/", admin_views.checkin_list, name="checkin"),
    path("<int:event_id>/aanmelden/", admin_views.RegistrationAddView.as_view(), name="add"),
    path(
        "<int:event_id>/intrekken/<int:registration_id>/",
        admin_views.RegistrationCancelView.as_view(),
        name="cancel",
    ),
    path("<int:event_id>/mail/", admin_views.BroadcastView.as_view(), name="broadcast"),
]
