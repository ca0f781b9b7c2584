"""What the search page reads from its URL. Bad values are dropped, never fatal."""

from django import forms

MAX_QUERY_LENGTH = 200

KINDS = {
    "thema": ("cms.ThemePage", "Thema's"),
    "instrument": ("cms.InstrumentPage", "Instrumenten"),
    "nieuws": ("cms.NewsPage", "Nieuws"),
    "bijeenkomst": ("events.EventPage", "Bijeenkomsten"),
    "pagina": ("cms.StandardPage", "Overige pagina's"),
}


class SearchForm(forms.Form):
    q = forms.CharField(label="Zoekterm", required=False, max_length=MAX_QUERY_LENGTH)
    soort = forms.ChoiceField(
        label="Soort", required=False,
        choices=[("", "Alles")] + [(key, label) for key, (_, label) in KINDS.items()],
    )
    thema = forms.CharField(required=False)
    stap = forms.CharField(required=False)

    def cleaned_or_empty(self):
        """The valid fields; an invalid one counts as not given."""
        self.is_valid()
        data = {name: "" for name in self.fields}
        data.update({name: value for name, value in self.cleaned_data.items() if value})
        data["q"] = " ".join(data["q"].split())
        return data
