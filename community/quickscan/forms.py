"""Forms of the quickscan: the answers of one theme, the target level, an action.

The answers form is read from the POST by hand: its fields follow the questions
(`vraag-<id>-niveau`, `-onderbouwing`, `-zekerheid`), and the rules (levels 1–5
or n.v.t., a question of this scan) live in `services.answers_save`, which
reports every problem per question.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .answer_values import BAD_TARGET
from .models import Action, Confidence, Level

ANSWER_FIELD = re.compile(
    r"^vraag-(?P<id>[^-]+)-(?P<part>niveau|onderbouwing|zekerheid|versie|"
    r"was-niveau|was-onderbouwing|was-zekerheid)$"
)


def answer_field_names(question_id):
    return {
        "level": f"vraag-{question_id}-niveau",
        "evidence": f"vraag-{question_id}-onderbouwing",
        "confidence": f"vraag-{question_id}-zekerheid",
        # Hidden: the answer as the page showed it, to notice a colleague's change.
        "version": f"vraag-{question_id}-versie",
        "original_level": f"vraag-{question_id}-was-niveau",
        "original_evidence": f"vraag-{question_id}-was-onderbouwing",
        "original_confidence": f"vraag-{question_id}-was-zekerheid",
    }


def answers_from_post(post):
    """[{"question_id", "level", "evidence", "confidence"}] for every question in the POST.

    With the hidden fields of the form also "version" and "original" (what the page
    showed), so `services.answers_save` writes only what this person changed.

    A question id that is not a number is passed on as text, so the service
    reports it as a question that is not in this scan.
    """
    found = {}
    for key in post:
        match = ANSWER_FIELD.match(key)
        if not match:
            continue
        raw_id = match["id"]
        question_id = int(raw_id) if raw_id.isdigit() else raw_id
        found.setdefault(question_id, {"question_id": question_id})
    for question_id, item in found.items():
        names = answer_field_names(question_id)
        item["level"] = post.get(names["level"], "")
        item["evidence"] = post.get(names["evidence"], "")
        item["confidence"] = post.get(names["confidence"], "")
        if names["version"] in post:
            item["version"] = post.get(names["version"], "")
            item["original"] = {
                "level": post.get(names["original_level"], ""),
                "evidence": post.get(names["original_evidence"], ""),
                "confidence": post.get(names["original_confidence"], ""),
            }
    return list(found.values())


class TargetForm(forms.Form):
    target_level = forms.TypedChoiceField(
        label=_("Streefniveau"), coerce=int, choices=Level.choices, initial=3,
        help_text=_("Cellen onder dit niveau krijgen aanbevolen instrumenten."),
        error_messages={"invalid_choice": BAD_TARGET},
    )


class StartForm(TargetForm):
    version = forms.TypedChoiceField(
        label=_("Welke quickscan?"), coerce=int, widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Kies een van de gepubliceerde quickscans."),
            "required": _("Kies welke quickscan je wilt invullen."),
        },
    )

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {version.pk: version for version in versions}
        self.fields["version"].choices = [
            (version.pk, f"{version.get_kind_display()}: {version.title}")
            for version in versions
        ]


class ActionForm(forms.Form):
    cell = forms.ChoiceField(
        label=_("Thema en processtap"),
        error_messages={"invalid_choice": _("Kies een thema en processtap uit deze quickscan.")},
    )
    title = forms.CharField(label=_("Actie"), max_length=200)
    description = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    instrument = forms.ChoiceField(
        label=_("Instrument uit de kennisbank"), required=False,
        error_messages={"invalid_choice": _("Dit instrument bestaat niet of is niet zichtbaar.")},
    )
    owner = forms.CharField(
        label=_("Eigenaar"), max_length=120,
        help_text=_("Een rol of afdeling, bijvoorbeeld 'Manager integrale veiligheid'."),
    )
    due_date = forms.DateField(
        label=_("Gereed op"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Geef een geldige datum, bijvoorbeeld 2026-06-30.")},
    )
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices,
                               initial=Action.Status.PLANNED)

    def __init__(self, *args, cells, instruments, with_status=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cell"].choices = [("", _("Kies een cel…"))] + [
            (f"{theme.pk}:{step.pk}", f"{theme.label} – {step.name}") for theme, step in cells
        ]
        self.fields["instrument"].choices = [("", _("Geen instrument"))] + [
            (str(instrument.pk), instrument.title) for instrument in instruments
        ]
        if not with_status:
            del self.fields["status"]

    def cleaned_cell(self):
        theme_id, step_id = self.cleaned_data["cell"].split(":")
        return int(theme_id), int(step_id)


CONFIDENCE_CHOICES = Confidence.choices
