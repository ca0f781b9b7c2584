"""The two decisions on a pending account: approve for an institution, or reject."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Institution
from .services import REJECTION_REASON_MAX_LENGTH


class ApproveForm(forms.Form):
    institution = forms.ModelChoiceField(
        label=_("Instelling"),
        queryset=Institution.objects.none(),
        error_messages={
            "required": _("Kies de instelling waarvoor je deze persoon goedkeurt."),
            "invalid_choice": _("Kies een instelling waarvoor je aanmeldingen mag goedkeuren."),
        },
    )

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.filter(
            pk__in=[institution.pk for institution in institutions]
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (niet verplicht, staat in de e-mail aan de aanvrager)"),
        required=False,
        max_length=REJECTION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Houd de reden kort: hoogstens %(limit)d tekens.")
            % {"limit": REJECTION_REASON_MAX_LENGTH},
        },
    )
