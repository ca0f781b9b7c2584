"""Demo institutions and accounts. Addresses and websites use the reserved .example
domain, so no mail reaches anyone and no link leads anywhere.

The passwords are meant to be shared with whoever tries the demo, so never run the
command on a site that is open to the public.

Members get their membership the way real people do: a verified address on an
institution's domain. The account at an advisory firm has no such address and
waits for approval by the TU/e contact person (lid@tue.example) or the editors.
"""

EDITOR_GROUPS = ["Redacteuren", "Eindredactie"]
MEMBER_PASSWORD = "demo-lid-2026"
PENDING_PASSWORD = "demo-nieuw-2026"

INSTITUTIONS = [
    {
        "slug": "tue",
        "name": "Technische Universiteit Eindhoven",
        "short_name": "TU/e",
        "kind": "universiteit",
        "website": "https://www.tue.example",
        "domains": ["tue.example"],
    },
    {
        "slug": "hva",
        "name": "Hogeschool van Amsterdam",
        "short_name": "HvA",
        "kind": "hogeschool",
        "website": "https://www.hva.example",
        "domains": ["hva.example"],
    },
    {
        "slug": "rug",
        "name": "Rijksuniversiteit Groningen",
        "short_name": "RUG",
        "kind": "universiteit",
        "website": "https://www.rug.example",
        "domains": ["rug.example"],
    },
    {
        "slug": "saxion",
        "name": "Saxion",
        "short_name": "Saxion",
        "kind": "hogeschool",
        "website": "https://www.saxion.example",
        "domains": ["saxion.example"],
    },
    {
        "slug": "uu",
        "name": "Universiteit Utrecht",
        "short_name": "UU",
        "kind": "universiteit",
        "website": "https://www.uu.example",
        "domains": ["uu.example"],
    },
    {
        "slug": "hr",
        "name": "Hogeschool Rotterdam",
        "short_name": "HR",
        "kind": "hogeschool",
        "website": "https://www.hogeschoolrotterdam.example",
        "domains": ["hr.example", "hogeschoolrotterdam.example"],
    },
    {
        "slug": "fontys",
        "name": "Fontys Hogescholen",
        "short_name": "Fontys",
        "kind": "hogeschool",
        "website": "https://www.fontys.example",
        "domains": ["fontys.example"],
    },
    {
        "slug": "surf",
        "name": "SURF",
        "short_name": "SURF",
        "kind": "partner",
        "website": "https://www.surf.example",
        "domains": ["surf.example"],
    },
]

PEOPLE = [
    {
        "email": "redactie@ivho.example",
        "password": "demo-redactie-2026",
        "first_name": "Noor",
        "last_name": "Redactie",
        "groups": EDITOR_GROUPS,
        "profile": {
            "function": "Redacteur kennisbank IV-HO",
            "bio": (
                "Ik beheer de kennisbank en het nieuws van het platform. Heb je een "
                "instrument dat andere instellingen kunnen gebruiken, of mis je iets? "
                "Laat het me weten, dan zoeken we samen uit hoe het een plek krijgt."
            ),
            "expertise": [],
        },
    },
    {
        "email": "lid@tue.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Daan",
        "last_name": "Verhoeven",
        "groups": [],
        "contact_for": "tue",
        "profile": {
            "function": "Manager integrale veiligheid",
            "bio": (
                "Verantwoordelijk voor het veiligheidsbeleid van de universiteit, van "
                "risicoanalyse tot crisisorganisatie. Sinds de komst van het Loket "
                "Kennisveiligheid werk ik veel aan screening bij internationale "
                "samenwerking. Contactpersoon van de TU/e voor het netwerk: aanmeldingen "
                "van collega's zonder TU/e-adres komen bij mij langs."
            ),
            "expertise": ["kennisveiligheid", "crisisbeheersing"],
        },
    },
    {
        "email": "lid@hva.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "groups": [],
        "profile": {
            "function": "Coördinator sociale veiligheid",
            "bio": (
                "Ik coördineer het netwerk van vertrouwenspersonen en de meldprocedure "
                "voor ongewenst gedrag. Daarnaast ben ik aanspreekpunt voor zorgwekkend "
                "gedrag van studenten. Graag wissel ik ervaringen uit over nazorg na een "
                "melding en over het bereiken van internationale studenten."
            ),
            "expertise": ["sociale-veiligheid", "zorgwekkend-gedrag", "integriteit"],
        },
    },
    {
        "email": "lid@rug.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Sanne",
        "last_name": "de Boer",
        "groups": [],
        "profile": {
            "function": "Chief Information Security Officer (CISO)",
            "bio": (
                "Als CISO richt ik me op informatiebeveiliging in onderwijs en "
                "onderzoek: van phishingoefeningen tot het beveiligen van "
                "onderzoeksdata. Ik werk nauw samen met onze privacy officer, want "
                "de meeste incidenten raken aan allebei."
            ),
            "expertise": ["informatiebeveiliging", "privacy", "kennisveiligheid"],
        },
    },
    {
        "email": "lid@saxion.example",
        "password": MEMBER_PASSWORD,
        "first_name": "Joris",
        "last_name": "Kuipers",
        "groups": [],
        "profile": {
            "function": "Coördinator BHV en crisisbeheersing",
            "bio": (
                "Ik zorg dat onze locaties in Enschede, Deventer en Apeldoorn "
                "voorbereid zijn op calamiteiten: ontruimingsoefeningen, de BHV-"
                "organisatie en het crisisteam. Ook begeleid ik de reisveiligheid van "
                "studenten die op stage naar het buitenland gaan."
            ),
            "expertise": ["fysieke-veiligheid", "crisisbeheersing", "internationalisering"],
        },
    },
    {
        "email": "nieuw@adviesbureau.example",
        "password": PENDING_PASSWORD,
        "first_name": "Bram",
        "last_name": "Nieuwenhuis",
        "groups": [],
        "profile": {
            "function": "Adviseur crisismanagement (ingehuurd)",
            "bio": "",
            "expertise": [],
            "requested_institution": "Technische Universiteit Eindhoven",
        },
    },
]
