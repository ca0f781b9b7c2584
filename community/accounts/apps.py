from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Logging in, at the bottom of the community apps: allauth's adapter, middleware, limits.

    The custom user model stays in the members app (`members.User`): Django cannot
    move AUTH_USER_MODEL to another app once its tables exist, and nothing here
    needs the class itself (`get_user_model()`).
    """

    name = "community.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from community.privacy.registry import declare

        from . import privacy_data

        declare("accounts", privacy_data.declaration)
