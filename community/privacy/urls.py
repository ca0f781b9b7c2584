"""The AVG pages, under /leden/ beside the members' pages (config/urls.py)."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("mijn-gegevens/", views.my_data, name="my_data"),
    path("mijn-gegevens/download/", views.my_data_download, name="my_data_download"),
    path("mijn-gegevens/verwijderen/", views.account_delete, name="account_delete"),
    path("account-verwijderd/", views.account_deleted, name="account_deleted"),
]
