"""The form members fill in for their profile."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cms.models import ThemePage

from .images import ACCEPTED_CONTENT_TYPES, profile_photo_process
from .models import Profile


def live_themes():
    return ThemePage.objects.live().public().order_by("path")


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class ProfileForm(forms.ModelForm):
    """What a member tells their peers. Institution and status are not theirs to set."""

    expertise = ThemeChoiceField(
        label="Expertise", queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De thema's waarover anderen je mogen aanspreken."),
    )
    photo = forms.FileField(
        label="Foto", required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPTED_CONTENT_TYPES}),
        help_text="JPEG, PNG of WebP, hoogstens 5 MB. We verkleinen de foto tot 400 × 400 "
        "pixels en halen er gegevens als locatie en camera uit.",
    )
    remove_photo = forms.BooleanField(label=_("Verwijder mijn foto"), required=False)

    class Meta:
        model = Profile
        fields = ["display_name", "function", "expertise", "bio", "visibility",
                  "notification_frequency"]
        labels = {
            "display_name": _("Naam zoals anderen die zien"),
            "function": _("Functie"),
            "bio": _("Over mij"),
            "visibility": _("Wie ziet mijn profiel"),
            "notification_frequency": _("E-mail over reacties"),
        }
        help_texts = {
            "display_name": _("Leeg: je voor- en achternaam uit je account."),
            "function": _("Bijvoorbeeld: manager integrale veiligheid, CISO, vertrouwenspersoon."),
            "bio": _("Platte tekst, hoogstens 1000 tekens."),
            "visibility": _(
                "Openbaar betekent: ook bezoekers die niet zijn ingelogd zien je "
                "naam, functie, instelling, expertise, 'over mij' en foto. "
                "Je e-mailadres tonen we nooit."
            ),
            "notification_frequency": _("Over reacties in discussies die je volgt."),
        }
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6, "maxlength": 1000}),
            "visibility": forms.RadioSelect,
            "notification_frequency": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = live_themes()
        if self.instance.photo:
            self.fields["photo"].label = _("Kies een andere foto")
        else:
            self.fields["photo"].label = _("Kies een foto")
            del self.fields["remove_photo"]

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return profile_photo_process(upload) if upload else None

    def save(self, commit=True):
        profile = super().save(commit=False)
        new_photo = self.cleaned_data.get("photo")
        old_name = profile.photo.name if profile.photo else ""
        if new_photo is not None:
            profile.photo.save(new_photo.name, new_photo, save=False)
        elif self.cleaned_data.get("remove_photo"):
            profile.photo = ""
        if commit:
            profile.save()
            self._save_expertise(profile)
            if old_name and old_name != profile.photo.name:
                storage = profile.photo.storage
                # Only once the new state is stored: a rollback keeps the old photo.
                transaction.on_commit(lambda: storage.delete(old_name))
        return profile

    def _save_expertise(self, profile):
        chosen = list(self.cleaned_data["expertise"])
        # Themes no longer published are not offered, but are not dropped silently either.
        offered = {theme.pk for theme in self.fields["expertise"].queryset}
        kept = [theme for theme in profile.expertise.all() if theme.pk not in offered]
        profile.expertise.set(chosen + kept)
