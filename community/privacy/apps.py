from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The AVG rights of access and erasure, over every app that holds personal data."""

    name = "community.privacy"
    label = "privacy"
    verbose_name = "Privacy (AVG)"
