from django.apps import AppConfig


class QuickscanConfig(AppConfig):
    name = "community.quickscan"
    label = "quickscan"
    verbose_name = "Quickscan integrale veiligheid"

    def ready(self):
        from community.privacy.registry import register

        from . import privacy_data

        register("quickscan", privacy_data)

        from . import checks  # noqa: F401  (registers the system checks)
