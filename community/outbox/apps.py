from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "community.outbox"
    label = "outbox"
    verbose_name = "Uitgaande e-mail"

    def ready(self):
        from community.privacy.registry import Stage, register

        from . import privacy_data

        register("outbox", privacy_data, stage=Stage.MAIL)
