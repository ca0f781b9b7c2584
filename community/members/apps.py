from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MembersConfig(AppConfig):
    name = "community.members"
    label = "members"
    verbose_name = "Leden"

    def ready(self):
        post_migrate.connect(_sync_site, sender=self)


def _sync_site(using="default", **kwargs):
    # Every migrate, so a deploy with a new SITE_URL fixes the domain in mails.
    from .services import django_site_sync

    django_site_sync(using=using)
