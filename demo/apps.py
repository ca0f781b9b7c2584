from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and `seed_demo`: the top layer, the only app that knows every other."""

    name = "demo"
    label = "demo"
    verbose_name = "Democontent"
