"""Forms for comments and flags. The services validate again; these give the messages."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .markup import MAX_LENGTH, clean_comment_text
from .services import MAX_REASON_LENGTH, REASON_TOO_LONG

MARKDOWN_HELP = format_lazy(_(
    "Gewone tekst. Opmaak met Markdown: **vet**, *cursief*, een lijst met - aan het begin "
    "van de regel, een link als [tekst](https://…). Maximaal {max} tekens."
), max=MAX_LENGTH)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Je reactie"),
        help_text=MARKDOWN_HELP,
        # No maxlength attribute: a longer text gets a clear message instead of
        # being cut off silently by the browser.
        widget=forms.Textarea(attrs={"rows": 6}),
        strip=False,
        required=False,
    )

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["comment"].label = label

    def clean_comment(self):
        return clean_comment_text(self.cleaned_data.get("comment", ""))


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom meld je deze reactie? (niet verplicht)"),
        help_text=format_lazy(
            _("Alleen de redactie ziet je toelichting. Maximaal {max} tekens."),
            max=MAX_REASON_LENGTH,
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if len(reason) > MAX_REASON_LENGTH:
            raise forms.ValidationError(
                REASON_TOO_LONG.format(max=MAX_REASON_LENGTH, length=len(reason))
            )
        return reason
