"""Demo accounts. The addresses use the reserved .example domain, so no mail reaches anyone.

The passwords are meant to be shared with whoever tries the demo, so never run the
command on a site that is open to the public.
"""

EDITOR_GROUPS = ["Redacteuren", "Eindredactie"]
MEMBER_GROUPS = ["Leden"]
MEMBER_PASSWORD = "demo-lid-2026"

PEOPLE = [
    {
        "email": "redactie@ivho.example",
        "password": "demo-redactie-2026",
        "first_name": "Noor",
        "last_name": "Redactie",
        "groups": EDITOR_GROUPS,
    },
    {
        "email": "lid@tue.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Daan",
        "last_name": "Verhoeven",
        "groups": MEMBER_GROUPS,
    },
    {
        "email": "lid@hva.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "groups": MEMBER_GROUPS,
    },
    {
        "email": "lid@rug.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Sanne",
        "last_name": "de Boer",
        "groups": MEMBER_GROUPS,
    },
    {
        "email": "lid@saxion.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Joris",
        "last_name": "Kuipers",
        "groups": MEMBER_GROUPS,
    },
]
