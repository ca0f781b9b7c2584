"""Forms of the editors' registration pages: adding someone by hand, mailing everyone."""

from django import forms
from django.contrib.auth import get_user_model

from community.members.models import Institution, Profile

from .broadcasts import MAX_SUBJECT_LENGTH
from .models import RegistrationQuestion

MEMBER, GUEST = "lid", "gast"


def approved_members():
    """Accounts an editor may register: active and approved members, by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, profile__status=Profile.Status.APPROVED)
        .select_related("profile__institution")
        .order_by("first_name", "last_name", "email")
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.email
        institution = getattr(obj.profile, "institution", None)
        where = f"{institution.name}, " if institution else ""
        return f"{name} ({where}{obj.email})"


class RegistrationAddForm(forms.Form):
    """An editor registers a member or a guest. The window and the per-institution
    maximum do not apply (the service knows `added_by`); a seat when the event is
    full only with `force_seat`."""

    kind = forms.ChoiceField(
        label="Wie meldt u aan?",
        choices=[(MEMBER, "Een lid van het platform"), (GUEST, "Iemand anders (gast)")],
        widget=forms.RadioSelect,
        initial=MEMBER,
    )
    member = MemberChoiceField(
        label="Lid", queryset=approved_members(), required=False, empty_label="Kies een lid",
        help_text="Alleen goedgekeurde leden staan in deze lijst.",
    )
    guest_name = forms.CharField(label="Naam van de gast", max_length=150, required=False)
    guest_email = forms.EmailField(label="E-mailadres van de gast", required=False)
    guest_institution = forms.ModelChoiceField(
        label="Instelling van de gast", queryset=Institution.objects.order_by("name"),
        required=False, empty_label="Geen aangesloten instelling",
    )
    guest_institution_name = forms.CharField(
        label="Of: naam van de organisatie", max_length=160, required=False,
        help_text="Als de gast niet bij een aangesloten instelling werkt.",
    )
    force_seat = forms.BooleanField(
        label="Ook een plek geven als de bijeenkomst vol is", required=False,
        help_text="Zonder dit vinkje komt iemand bij een volle bijeenkomst op de wachtlijst.",
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = approved_members()
        self.questions = list(event.registration_questions.order_by("sort_order"))
        for question in self.questions:
            self.fields[self.question_field(question)] = self._question_field(question)

    @staticmethod
    def question_field(question):
        return f"vraag_{question.pk}"

    @staticmethod
    def _question_field(question):
        # The editor may not know every answer: nothing is required here.
        help_text = question.help_text
        if question.kind == RegistrationQuestion.Kind.CHOICE and question.choice_list:
            return forms.ChoiceField(
                label=question.label, required=False, help_text=help_text,
                choices=[("", "Geen antwoord")] + [(c, c) for c in question.choice_list],
            )
        return forms.CharField(
            label=question.label, required=False, help_text=help_text, max_length=1000,
        )

    def question_fields(self):
        return [self[self.question_field(question)] for question in self.questions]

    def clean(self):
        data = super().clean()
        if data.get("kind") == MEMBER:
            if not data.get("member"):
                self.add_error("member", "Kies het lid dat u wilt aanmelden.")
        elif data.get("kind") == GUEST:
            if not (data.get("guest_name") or "").strip():
                self.add_error("guest_name", "Vul de naam van de gast in.")
            if not data.get("guest_email") and "guest_email" not in self.errors:
                self.add_error("guest_email", "Vul het e-mailadres van de gast in.")
            if not data.get("guest_institution") and not data.get("guest_institution_name"):
                self.add_error(
                    "guest_institution_name",
                    "Kies een instelling of vul de naam van de organisatie in.",
                )
        return data

    def answers(self):
        result = []
        for question in self.questions:
            value = (self.cleaned_data.get(self.question_field(question)) or "").strip()
            if value:
                result.append({"question": question.label, "answer": value})
        return result

    def guest(self):
        data = self.cleaned_data
        institution = data.get("guest_institution")
        return {
            "name": data["guest_name"].strip(),
            "email": data["guest_email"],
            "institution": institution,
            "institution_name": (data.get("guest_institution_name") or "").strip()
            or (institution.name if institution else ""),
        }


class BroadcastForm(forms.Form):
    """Write, preview, confirm: the token ties the confirmation to one sending."""

    subject = forms.CharField(label="Onderwerp", max_length=MAX_SUBJECT_LENGTH)
    body = forms.CharField(
        label="Bericht", widget=forms.Textarea(attrs={"rows": 12}), max_length=20000,
        help_text="Platte tekst. Een aanhef met de naam en een regel over de bijeenkomst "
        "met een link naar de pagina worden automatisch toegevoegd.",
    )
    include_waitlist = forms.BooleanField(
        label="Ook aan wie op de wachtlijst staat", required=False,
    )
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)
