"""Forms on the event page: the editor's questions, and the guest's details."""

from django import forms

from community.members.models import Institution

OTHER = ""


def question_field_name(question):
    return f"vraag_{question.pk}"


class RegistrationForm(forms.Form):
    """One field per question the editor set, in their order."""

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(event.registration_questions.all())
        for question in self.questions:
            name = question_field_name(question)
            if question.kind == question.Kind.CHOICE:
                choices = [(choice, choice) for choice in question.choice_list]
                if question.required:
                    field = forms.ChoiceField(
                        label=question.label, choices=choices, widget=forms.RadioSelect
                    )
                else:
                    field = forms.ChoiceField(
                        label=question.label, required=False,
                        choices=[("", "Geen voorkeur")] + choices, widget=forms.RadioSelect,
                    )
                    field.initial = ""
            else:
                field = forms.CharField(
                    label=question.label, required=question.required, max_length=1000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
            field.help_text = question.help_text
            field.error_messages["required"] = f"Beantwoord de vraag: {question.label}"
            self.fields[name] = field

    def answers(self):
        return [
            {"question": q.label, "answer": self.cleaned_data.get(question_field_name(q), "")}
            for q in self.questions
            if self.cleaned_data.get(question_field_name(q))
        ]


class GuestRegistrationForm(RegistrationForm):
    """For people without membership: name, address and institution come first."""

    field_order = ["guest_name", "guest_email", "guest_institution", "guest_institution_name"]

    guest_name = forms.CharField(
        label="Naam", max_length=150,
        error_messages={"required": "Vul je naam in."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    guest_email = forms.EmailField(
        label="E-mailadres",
        help_text="We sturen je een link om je aanmelding te bevestigen.",
        error_messages={
            "required": "Vul je e-mailadres in.",
            "invalid": "Dit is geen geldig e-mailadres, bijvoorbeeld naam@instelling.nl.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    guest_institution = forms.ModelChoiceField(
        label="Instelling", required=False, queryset=Institution.objects.order_by("name"),
        empty_label="Mijn instelling staat er niet bij",
    )
    guest_institution_name = forms.CharField(
        label="Andere instelling of organisatie", max_length=160, required=False,
        help_text="Alleen invullen als je instelling niet in de lijst staat.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("guest_institution") and not cleaned.get(
            "guest_institution_name", ""
        ).strip():
            self.add_error(
                "guest_institution_name",
                "Kies je instelling uit de lijst of vul de naam van je organisatie in.",
            )
        return cleaned

    def guest(self):
        institution = self.cleaned_data.get("guest_institution")
        return {
            "name": self.cleaned_data["guest_name"],
            "email": self.cleaned_data["guest_email"],
            "institution": institution,
            "institution_name": (
                institution.name if institution else self.cleaned_data["guest_institution_name"]
            ),
        }
