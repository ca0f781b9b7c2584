from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "community.events"
    label = "events"
    verbose_name = "Bijeenkomsten"
