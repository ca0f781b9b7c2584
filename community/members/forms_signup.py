"""allauth's sign-up form with what the approval needs: a name and, maybe, an institution."""

from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from allauth.account.forms import SignupForm

from .services import profile_signup


class MemberSignupForm(SignupForm):
    """Sign-up by e-mail, plus a display name and the institution someone works for.

    The institution is only asked of people without an institution address: a
    verified address on an institution's domain decides by itself.
    """

    display_name = forms.CharField(
        label=_("Naam"),
        max_length=120,
        help_text=_("Zoals andere leden je zien, bijvoorbeeld ‘Sanne de Vries’."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul je naam in.")},
    )
    requested_institution = forms.CharField(
        label=_("Instelling (als je geen e-mailadres van je instelling gebruikt)"),
        max_length=160,
        required=False,
        help_text=_(
            "Een contactpersoon van die instelling of de redactie keurt je aanmelding "
            "dan goed."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    field_order = ["display_name", "email", "requested_institution", "password1", "password2"]

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Vul je naam in."), code="required")
        return name

    def clean_requested_institution(self):
        return " ".join(self.cleaned_data["requested_institution"].split())

    def try_save(self, request):
        if self.account_already_exists:
            # allauth answers a known address exactly like a new one (and mails
            # "you already have an account"), but only a new account hashes a
            # password: ~10x slower, so the time told who is registered. Do the
            # same work here and throw the result away.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request):
        user = super().save(request)
        profile_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            requested_institution=self.cleaned_data["requested_institution"],
        )
        return user
