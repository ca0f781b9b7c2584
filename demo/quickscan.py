"""Demo quickscan: a full version (every theme × process step), a short version for small
hogescholen, submitted scans of demo institutions and an action plan for the TU/e.

Level descriptions follow one pattern per process step, filled in with what the
theme is about; each cell has its own question. Scores are made up but stable:
the same institution gets the same answers on every run. There are five
universities and six hogescholen with a scan, so the benchmark shows figures
for those cohorts (k = 5); the two small hogescholen show why there is nothing
to see yet.
"""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.builders import ensure_institution

# What each theme is about, as it reads in "Risico's rond {subject} …".
SUBJECTS = {
    "sociale-veiligheid": "sociale veiligheid en ongewenst gedrag",
    "informatiebeveiliging": "informatiebeveiliging en cybersecurity",
    "kennisveiligheid": "kennisveiligheid in internationale samenwerking",
    "privacy": "de bescherming van persoonsgegevens",
    "integriteit": "integriteit en wetenschappelijke integriteit",
    "zorgwekkend-gedrag": "zorgwekkend gedrag en radicalisering",
    "fysieke-veiligheid": "gebouwveiligheid en BHV",
    "crisisbeheersing": "crisisbeheersing",
    "internationalisering": "de veiligheid van studenten en medewerkers in het buitenland",
}

LEVELS = {
    "risicomanagement": [
        "Risico's rond {s} komen pas ter sprake na een incident; er is geen risicoanalyse.",
        "Enkele afdelingen brengen risico's rond {s} in kaart, ieder op hun eigen manier.",
        "Er is een instellingsbrede risicoanalyse voor {s}, met een vaste methode en een "
        "eigenaar.",
        "De risicoanalyse voor {s} wordt jaarlijks bijgewerkt met het dreigingsbeeld en "
        "besproken in het college van bestuur.",
        "Risico's rond {s} worden doorlopend gevolgd met indicatoren en vergeleken met de "
        "sector; de analyse stuurt keuzes in de begroting.",
    ],
    "beleid": [
        "Er is geen vastgesteld beleid voor {s}; wat er gebeurt, hangt af van personen.",
        "Er zijn losse afspraken of een verouderd beleidsstuk over {s}.",
        "Het bestuur heeft actueel beleid voor {s} vastgesteld, met doelen en normen.",
        "Het beleid voor {s} wordt periodiek geëvalueerd met cijfers en zo nodig bijgesteld.",
        "Het beleid voor {s} is verankerd in de strategie en wordt samen met ketenpartners "
        "en andere instellingen doorontwikkeld.",
    ],
    "organisatie": [
        "Niemand is uitdrukkelijk verantwoordelijk voor {s}.",
        "Er is een aanspreekpunt voor {s}, maar taken en mandaten zijn niet vastgelegd.",
        "Rollen, taken en procedures voor {s} zijn vastgelegd en bekend; er zijn afspraken "
        "met ketenpartners.",
        "De organisatie rond {s} wordt gestuurd op resultaten; bezetting en samenwerking "
        "worden jaarlijks getoetst.",
        "De aanpak van {s} is in de hele organisatie ingebed en de instelling deelt haar "
        "werkwijze actief met andere instellingen.",
    ],
    "bewustzijn": [
        "Er is geen aandacht voor bewustwording rond {s}.",
        "Er zijn af en toe voorlichtingsacties over {s}, vooral na een voorval.",
        "Er is een bewustwordingsprogramma over {s} voor studenten en medewerkers, met vaste "
        "momenten in het jaar.",
        "Het effect van de bewustwording over {s} wordt gemeten en het programma wordt daarop "
        "aangepast.",
        "Veilig handelen rond {s} hoort bij de cultuur; studenten en medewerkers dragen zelf "
        "verbeteringen aan.",
    ],
    "continuiteit": [
        "Bij een incident rond {s} wordt geïmproviseerd; er is geen draaiboek.",
        "Er zijn draaiboeken voor enkele scenario's rond {s}, maar ze worden niet geoefend.",
        "Incidenten rond {s} worden volgens vaste procedures afgehandeld en geregistreerd; "
        "er wordt geoefend.",
        "Na elk incident en elke oefening rond {s} volgt een evaluatie met verbeteracties die "
        "worden opgevolgd.",
        "De instelling leert structureel van incidenten rond {s}, ook van die bij andere "
        "instellingen, en past haar aanpak aantoonbaar aan.",
    ],
}

HELP = {
    "risicomanagement": "Denk aan een risicoanalyse, een dreigingsbeeld of een risicoregister.",
    "beleid": "Denk aan een door het bestuur vastgesteld beleidsstuk, een kader of een "
    "gedragscode.",
    "organisatie": "Denk aan rollen, mandaten, procedures en afspraken met ketenpartners.",
    "bewustzijn": "Denk aan trainingen, campagnes, introductieprogramma's en e-learnings.",
    "continuiteit": "Denk aan draaiboeken, oefeningen, incidentregistratie en evaluaties.",
}

# One question per cell: (theme, step) → question. The short version uses the starred ones.
QUESTIONS = {
    "sociale-veiligheid": {
        "risicomanagement": "Weet de instelling waar en hoe vaak ongewenst gedrag voorkomt, "
        "bijvoorbeeld uit meldingen en monitors?",
        "beleid": "Is er een vastgestelde gedragscode en een regeling voor het melden van "
        "ongewenst gedrag?",
        "organisatie": "Kunnen studenten en medewerkers terecht bij een onafhankelijke "
        "vertrouwenspersoon en een klachtencommissie?",
        "bewustzijn": "Weten docenten en leidinggevenden wat ze moeten doen als iemand hen "
        "over ongewenst gedrag aanspreekt?",
        "continuiteit": "Worden meldingen zorgvuldig afgehandeld, met nazorg voor melder en "
        "betrokkenen en lessen voor de organisatie?",
    },
    "informatiebeveiliging": {
        "risicomanagement": "Zijn de kroonjuwelen (kritieke systemen en data) en de "
        "risico's daarvoor in kaart gebracht?",
        "beleid": "Is er informatiebeveiligingsbeleid dat aansluit op het normenkader van de "
        "sector en wordt het getoetst met audits?",
        "organisatie": "Zijn er een CISO, een securityteam en afspraken met leveranciers over "
        "beveiliging en meldplicht?",
        "bewustzijn": "Krijgen medewerkers en studenten regelmatig training, bijvoorbeeld "
        "phishingoefeningen?",
        "continuiteit": "Is er een geoefend plan voor een ransomware-aanval, met back-ups die "
        "los van het netwerk staan?",
    },
    "kennisveiligheid": {
        "risicomanagement": "Worden nieuwe internationale samenwerkingen vooraf getoetst op "
        "risico's voor kennisveiligheid?",
        "beleid": "Is er een kader dat zegt welke samenwerkingen wel, niet of onder "
        "voorwaarden mogen?",
        "organisatie": "Is er een aanspreekpunt of adviesteam kennisveiligheid dat "
        "onderzoekers kunnen raadplegen?",
        "bewustzijn": "Weten onderzoekers en bestuurders welke signalen op ongewenste "
        "kennisoverdracht wijzen?",
        "continuiteit": "Is bekend wat te doen als blijkt dat een lopende samenwerking niet "
        "veilig is?",
    },
    "privacy": {
        "risicomanagement": "Worden voor risicovolle verwerkingen gegevensbeschermingseffect"
        "beoordelingen (DPIA's) gedaan?",
        "beleid": "Is er vastgesteld privacybeleid met een actueel verwerkingsregister?",
        "organisatie": "Heeft de functionaris gegevensbescherming een onafhankelijke positie "
        "en voldoende tijd?",
        "bewustzijn": "Weten medewerkers hoe ze zorgvuldig omgaan met persoonsgegevens van "
        "studenten en onderzoeksdeelnemers?",
        "continuiteit": "Worden datalekken snel herkend, gemeld en geëvalueerd?",
    },
    "integriteit": {
        "risicomanagement": "Is zicht op integriteitsrisico's, zoals nevenwerkzaamheden, "
        "belangenverstrengeling en fraude?",
        "beleid": "Zijn er een integriteitscode en een regeling voor het melden van "
        "vermoedens van misstanden?",
        "organisatie": "Is er een commissie wetenschappelijke integriteit en een "
        "vertrouwenspersoon integriteit?",
        "bewustzijn": "Wordt integriteit besproken in teams, bijvoorbeeld met "
        "dilemmagesprekken?",
        "continuiteit": "Worden integriteitsschendingen onderzocht en leidt dat tot "
        "aanpassingen in regels en werkwijze?",
    },
    "zorgwekkend-gedrag": {
        "risicomanagement": "Heeft de instelling zicht op signalen van zorgwekkend gedrag en "
        "radicalisering bij studenten en medewerkers?",
        "beleid": "Is er een protocol zorgwekkend gedrag met afspraken over wie wat doet en "
        "wanneer?",
        "organisatie": "Zijn er afspraken met gemeente, politie en zorgpartners over "
        "samenwerking en informatie delen?",
        "bewustzijn": "Kunnen medewerkers signalen herkennen en weten ze waar ze die "
        "melden?",
        "continuiteit": "Wordt na een casus geëvalueerd wat goed ging en wat beter kan?",
    },
    "fysieke-veiligheid": {
        "risicomanagement": "Zijn er actuele risico-inventarisaties voor gebouwen, "
        "laboratoria en evenementen?",
        "beleid": "Is er beleid voor gebouwveiligheid, toegang en bedrijfshulpverlening?",
        "organisatie": "Is de BHV-organisatie op sterkte en afgestemd op openingstijden en "
        "gebruik van de gebouwen?",
        "bewustzijn": "Weten studenten en medewerkers wat ze moeten doen bij brand of "
        "ontruiming?",
        "continuiteit": "Worden ontruimingen geoefend en volgt op elke oefening een "
        "evaluatie?",
    },
    "crisisbeheersing": {
        "risicomanagement": "Zijn de crisisscenario's bekend die de instelling het hardst "
        "kunnen raken?",
        "beleid": "Is er een vastgesteld crisisplan met opschaling en besluitvorming?",
        "organisatie": "Is er een crisisteam met vaste rollen, vervanging en bereikbaarheid?",
        "bewustzijn": "Kennen bestuurders en crisisteamleden hun rol en zijn ze getraind?",
        "continuiteit": "Wordt er jaarlijks geoefend en worden crises en oefeningen "
        "geëvalueerd?",
    },
    "internationalisering": {
        "risicomanagement": "Worden reizen en verblijven in het buitenland vooraf getoetst "
        "aan reisadviezen en risico's?",
        "beleid": "Is er beleid voor de veiligheid van studenten en medewerkers die naar het "
        "buitenland gaan?",
        "organisatie": "Is bekend wie er in het buitenland is, en is er een 24-uurs "
        "aanspreekpunt bij nood?",
        "bewustzijn": "Worden reizigers voorbereid met een briefing of training?",
        "continuiteit": "Is er een draaiboek voor een noodsituatie in het buitenland, zoals "
        "evacuatie of een ongeval?",
    },
}
SHORT_THEMES = ["sociale-veiligheid", "informatiebeveiliging", "privacy",
                "fysieke-veiligheid", "crisisbeheersing"]

FULL_VERSION = {
    "title": "Quickscan integrale veiligheid 2026",
    "kind": "volledig",
    "introduction": "Deze quickscan meet per veiligheidsthema en processtap hoe volwassen "
    "de aanpak van je instelling is, op een schaal van 1 (initieel) tot 5 (optimaliserend). "
    "Vul hem in met de collega's die over de thema's gaan; reken op een tot twee uur. "
    "Kies bij twijfel het lagere niveau en noteer waarom: dat maakt de volgende scan "
    "vergelijkbaar.",
}
SHORT_VERSION = {
    "title": "Korte quickscan kleine hogescholen 2026",
    "kind": "kort",
    "introduction": "Een kortere versie voor kleine hogescholen: vijf thema's die voor "
    "elke instelling gelden, in alle vijf processtappen. Reken op drie kwartier.",
}

# Institutions that only appear in the quickscan demo (beside those in demo.people).
EXTRA_INSTITUTIONS = [
    {"slug": "leiden", "name": "Universiteit Leiden", "short_name": "Leiden",
     "kind": "universiteit", "website": "https://www.leiden.example",
     "domains": ["leiden.example"]},
    {"slug": "radboud", "name": "Radboud Universiteit", "short_name": "Radboud",
     "kind": "universiteit", "website": "https://www.radboud.example",
     "domains": ["radboud.example"]},
    {"slug": "hu", "name": "Hogeschool Utrecht", "short_name": "HU", "kind": "hogeschool",
     "website": "https://www.hu.example", "domains": ["hu.example"]},
    {"slug": "avans", "name": "Avans Hogeschool", "short_name": "Avans", "kind": "hogeschool",
     "website": "https://www.avans.example", "domains": ["avans.example"]},
    {"slug": "hz", "name": "HZ University of Applied Sciences", "short_name": "HZ",
     "kind": "hogeschool", "is_small": True, "website": "https://www.hz.example",
     "domains": ["hz.example"]},
    {"slug": "che", "name": "Christelijke Hogeschool Ede", "short_name": "CHE",
     "kind": "hogeschool", "is_small": True, "website": "https://www.che.example",
     "domains": ["che.example"]},
]

# Institution slug → (overall maturity, days before the benchmark's reference date).
SCANS = {
    "tue": (3.1, 60), "rug": (2.8, 150), "uu": (3.4, 200), "leiden": (2.6, 90),
    "radboud": (3.0, 300), "hva": (2.7, 45), "saxion": (2.4, 120), "hr": (3.0, 240),
    "fontys": (2.9, 75), "hu": (3.2, 180), "avans": (2.5, 400), "hz": (2.2, 100),
    "che": (2.6, 210),
}
# The TU/e also has an earlier scan, so its results show the change since then.
EARLIER_SCAN = ("tue", 2.6, 420)
STEP_OFFSETS = {"risicomanagement": 0.1, "beleid": 0.5, "organisatie": 0.2,
                "bewustzijn": -0.4, "continuiteit": -0.3}

ACTIONS = [
    {"theme": "sociale-veiligheid", "step": "bewustzijn",
     "title": "Training 'eerste gesprek' voor alle leidinggevenden",
     "description": "Leidinggevenden leren hoe ze reageren als een medewerker of student "
     "ongewenst gedrag meldt, en naar wie ze verwijzen.",
     "owner": "Directeur HR", "months": 6, "status": "bezig"},
    {"theme": "kennisveiligheid", "step": "bewustzijn",
     "title": "Signalen van ongewenste kennisoverdracht in de promovendi-introductie",
     "description": "Een vast onderdeel van twintig minuten in de introductie, met casuïstiek.",
     "owner": "Adviseur kennisveiligheid", "months": 4, "status": "gepland"},
    {"theme": "crisisbeheersing", "step": "continuiteit",
     "title": "Jaarlijkse crisisoefening met het college van bestuur",
     "description": "Scenario: een langdurige storing van de centrale ict tijdens de "
     "tentamenperiode. Evaluatie binnen vier weken.",
     "owner": "Manager integrale veiligheid", "months": 9, "status": "gepland",
     "instrument": "Scenario's voor crisisoefeningen"},
    {"theme": "informatiebeveiliging", "step": "continuiteit",
     "title": "Offline back-up van de kroonjuwelen testen",
     "owner": "CISO", "months": -1, "status": "afgerond", "description": ""},
]


def _stable_noise(*parts):
    """A number in [-0.6, 0.6], the same for the same parts on every run."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return (digest[0] / 255 - 0.5) * 1.2


def _level(base, institution, theme, step):
    value = base + STEP_OFFSETS[step] + _stable_noise(institution, theme, step)
    return max(1, min(5, round(value)))


def _version(title, kind, introduction, theme_slugs, themes, steps):
    from community.quickscan.models import Question, QuickscanVersion

    version, created = QuickscanVersion.objects.get_or_create(
        title=title, defaults={"kind": kind, "introduction": introduction},
    )
    if created:
        order = 0
        for theme_slug in theme_slugs:
            subject = SUBJECTS[theme_slug]
            for step_slug, text in QUESTIONS[theme_slug].items():
                Question.objects.create(
                    version=version, theme=themes[theme_slug], step=steps[step_slug],
                    text=text, help_text=HELP[step_slug], sort_order=order,
                    **{f"level_{n}": LEVELS[step_slug][n - 1].format(s=subject)
                       for n in range(1, 6)},
                )
                order += 1
    if not version.is_published:
        from community.quickscan.services import version_publish

        version = version_publish(version=version)
    return version, created


def _submitted_scan(*, institution, version, base, submitted_at, person):
    from community.quickscan.cohorts import cohort_of
    from community.quickscan.models import Answer, Scan

    scan = Scan.objects.create(
        institution=institution, version=version, target_level=3, started_by=person,
    )
    Answer.objects.bulk_create([
        Answer(scan=scan, question=question, answered_by=person,
               level=_level(base, institution.slug, question.theme.slug, question.step.slug))
        for question in version.questions.select_related("theme", "step")
    ])
    Scan.objects.filter(pk=scan.pk).update(
        status=Scan.Status.SUBMITTED, submitted_by=person, submitted_at=submitted_at,
        cohort=cohort_of(institution) or "",
        started_at=submitted_at - datetime.timedelta(days=21),
    )
    scan.refresh_from_db()
    return scan


def seed_quickscan(created, *, today):
    """Versions, demo scans and the TU/e's action plan; what exists is left alone."""
    from cms.models import InstrumentPage, ProcessStep, ThemePage
    from community.members.models import Institution
    from community.quickscan.benchmark import reference_date
    from community.quickscan.models import Action, Scan

    themes = {page.slug: page for page in ThemePage.objects.filter(slug__in=SUBJECTS)}
    steps = {step.slug: step for step in ProcessStep.objects.filter(slug__in=LEVELS)}
    if len(themes) < len(SUBJECTS) or len(steps) < len(LEVELS):
        return  # the knowledge base is not there (yet): nothing to score against
    full, was_created = _version(**FULL_VERSION, theme_slugs=list(QUESTIONS), themes=themes,
                                 steps=steps)
    created["quickscanversies"] += was_created
    short, was_created = _version(**SHORT_VERSION, theme_slugs=SHORT_THEMES, themes=themes,
                                  steps=steps)
    created["quickscanversies"] += was_created

    for item in EXTRA_INSTITUTIONS:
        _, was_created = ensure_institution(**item)
        created["instellingen"] += was_created

    end = reference_date(today)
    people = {user.email.split("@")[1].split(".")[0]: user
              for user in get_user_model().objects.filter(email__startswith="lid@")}

    def moment(days):
        day = end - datetime.timedelta(days=days)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 30)))

    institutions = {item.slug: item for item in Institution.objects.filter(slug__in=SCANS)}
    for slug, (base, days) in SCANS.items():
        institution = institutions.get(slug)
        if institution is None or Scan.objects.filter(institution=institution).exists():
            continue
        version = short if institution.is_small else full
        person = people.get(slug)
        if slug == EARLIER_SCAN[0]:
            _submitted_scan(institution=institution, version=version, base=EARLIER_SCAN[1],
                            submitted_at=moment(EARLIER_SCAN[2]), person=person)
            created["quickscans"] += 1
        scan = _submitted_scan(institution=institution, version=version, base=base,
                               submitted_at=moment(days), person=person)
        created["quickscans"] += 1
        if slug == "tue":
            for action in ACTIONS:
                Action.objects.create(
                    scan=scan, theme=themes[action["theme"]], step=steps[action["step"]],
                    title=action["title"], description=action["description"],
                    instrument=InstrumentPage.objects.filter(
                        title=action.get("instrument", "")).first(),
                    owner=action["owner"], status=action["status"], created_by=person,
                    due_date=today + datetime.timedelta(days=30 * action["months"]),
                )
                created["acties"] += 1
    # Pages only read published benchmark snapshots (beat publishes them nightly):
    # publish this quarter's now, so the demo shows figures straight away.
    from community.quickscan.services import benchmark_publish

    benchmark_publish(today=today)
