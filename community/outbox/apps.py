from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "community.outbox"
    label = "outbox"
    verbose_name = "Uitgaande e-mail"
