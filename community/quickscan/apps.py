from django.apps import AppConfig


class QuickscanConfig(AppConfig):
    name = "community.quickscan"
    label = "quickscan"
    verbose_name = "Quickscan integrale veiligheid"
