"""The form that confirms an account deletion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from allauth.account.adapter import get_adapter


class AccountEraseForm(forms.Form):
    """Deleting an account cannot be undone: the password again, so nobody does it by accident
    (or with a session left open on a shared computer)."""

    password = forms.CharField(
        label=_("Je wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Ter bevestiging: vul het wachtwoord in waarmee je inlogt."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        # allauth's check counts failed attempts like a login does (rate limit).
        if not get_adapter().reauthenticate(self.user, password):
            raise forms.ValidationError(
                _("Dit wachtwoord klopt niet. Je account is niet verwijderd."),
                code="incorrect_password",
            )
        return password
