from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "community.events"
    label = "events"
    verbose_name = "Bijeenkomsten"

    def ready(self):
        from community.privacy.registry import register

        from . import privacy_data

        register("events", privacy_data)

        # Publishing an event page mails registrants about changes (signals.py).
        from . import signals

        signals.connect()
