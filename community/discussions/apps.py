from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "community.discussions"
    label = "discussions"
    verbose_name = "Discussies"

    def ready(self):
        from community.privacy.registry import register

        from . import privacy_data

        register("discussions", privacy_data)
