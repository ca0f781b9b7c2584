from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "community.events"
    label = "events"
    verbose_name = "Bijeenkomsten"

    def ready(self):
        # Publishing an event page mails registrants about changes (signals.py).
        from . import signals

        signals.connect()
