from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MembersConfig(AppConfig):
    name = "community.members"
    label = "members"
    verbose_name = "Leden"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from allauth.account import signals as account_signals

        from community.privacy.registry import Stage, register

        from . import privacy_data, signals

        # The account goes last: the other providers still need its addresses.
        register("members", privacy_data, stage=Stage.ACCOUNT)
        post_migrate.connect(_sync_site, sender=self)
        account_signals.user_signed_up.connect(
            signals.profile_on_signup, dispatch_uid="members_profile_on_signup"
        )
        account_signals.email_confirmed.connect(
            signals.membership_on_email_confirmed, dispatch_uid="members_on_email_confirmed"
        )
        account_signals.email_changed.connect(
            signals.membership_on_email_changed, dispatch_uid="members_on_email_changed"
        )
        user_logged_in.connect(
            signals.membership_notice_on_login, dispatch_uid="members_notice_on_login"
        )


def _sync_site(using="default", **kwargs):
    # Every migrate, so a deploy with a new SITE_URL fixes the domain in mails.
    from .services import django_site_sync

    django_site_sync(using=using)
