"""Forms for comments and flags. The services validate again; these give the messages."""

from django import forms

from .markup import MAX_LENGTH, clean_comment_text
from .services import MAX_REASON_LENGTH

MARKDOWN_HELP = (
    "Gewone tekst. Opmaak met Markdown: **vet**, *cursief*, een lijst met - aan het begin "
    f"van de regel, een link als [tekst](https://…). Maximaal {MAX_LENGTH} tekens."
)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Je reactie",
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
        label="Waarom meld je deze reactie? (niet verplicht)",
        help_text=f"Alleen de redactie ziet je toelichting. Maximaal {MAX_REASON_LENGTH} tekens.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if len(reason) > MAX_REASON_LENGTH:
            raise forms.ValidationError(
                f"Houd de toelichting korter dan {MAX_REASON_LENGTH} tekens (nu {len(reason)})."
            )
        return reason
