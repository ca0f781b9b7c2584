"""Network meetings. Dates are `days_from_today`; times are wall-clock times in Amsterdam.

Three lie in the past and three ahead, whenever the command runs.
"""

from cms.demo.stream import callout, paragraph, steps

MEETING_LINK = "https://vergaderen.ivho.example/"

EVENTS = [
    {
        "slug": "themadag-sociale-veiligheid",
        "title": "Themadag sociale veiligheid",
        "days_from_today": -14,
        "start": "10:00",
        "end": "16:00",
        "format": "on_site",
        "location_name": "Congrescentrum De Werf",
        "address": "Werfkade 1, Utrecht",
        "intro": "Een dag over melden, vertrouwenspersonen en de rol van omstanders, voor "
        "iedereen die met sociale veiligheid bezig is.",
        "body": [
            paragraph(
                "In de ochtend vertellen drie instellingen hoe zij het melden van ongewenst "
                "gedrag makkelijker hebben gemaakt. In de middag oefenen deelnemers met "
                "omstanderinterventie.",
            ),
            callout(
                "let-op",
                "De casussen van de ochtend worden besproken onder de Chatham House Rule.",
            ),
        ],
        "themes": ["sociale-veiligheid"],
    },
    {
        "slug": "netwerkoverleg-managers-integrale-veiligheid",
        "title": "Netwerkoverleg managers integrale veiligheid",
        "days_from_today": -35,
        "start": "10:00",
        "end": "11:30",
        "format": "online",
        "online_url": MEETING_LINK + "netwerkoverleg",
        "intro": "Het vaste online overleg van de managers integrale veiligheid: actuele "
        "ontwikkelingen, vragen aan elkaar en de agenda van het platform.",
        "body": [
            paragraph(
                "Het overleg is alleen voor leden in de rol van manager of coördinator "
                "integrale veiligheid. De link staat op deze pagina zodra je bent ingelogd.",
            ),
            callout(
                "let-op",
                "Wat in het overleg wordt gedeeld, valt onder TLP:AMBER tenzij de inbrenger "
                "anders aangeeft.",
            ),
        ],
        "themes": [],
    },
    {
        "slug": "werkbijeenkomst-risicoanalyse-kennisveiligheid",
        "title": "Werkbijeenkomst risicoanalyse kennisveiligheid",
        "days_from_today": -70,
        "start": "13:00",
        "end": "16:30",
        "format": "hybrid",
        "location_name": "Vergaderlocatie Stationsplein",
        "address": "Stationsplein 5, Amersfoort",
        "online_url": MEETING_LINK + "kennisveiligheid",
        "intro": "Aan de slag met de risicoanalyse voor internationale samenwerking, met "
        "voorbeelden uit verschillende vakgebieden.",
        "body": [
            paragraph(
                "Deelnemers brengen een eigen samenwerking mee, geanonimiseerd, en lopen die "
                "samen met collega's door aan de hand van het afwegingskader.",
            ),
            steps(
                "Korte introductie op het afwegingskader.",
                "In groepjes: drie samenwerkingen doorlopen.",
                "Plenair: waar liep je tegenaan, en wat moet beter aan het kader?",
            ),
        ],
        "themes": ["kennisveiligheid"],
    },
    {
        "slug": "online-spreekuur-privacy-en-informatiebeveiliging",
        "title": "Online spreekuur privacy en informatiebeveiliging",
        "days_from_today": 9,
        "start": "15:00",
        "end": "16:00",
        "format": "online",
        "online_url": MEETING_LINK + "spreekuur",
        "intro": "Een uur om vragen voor te leggen aan ervaren privacyfunctionarissen en "
        "security officers uit het netwerk.",
        "body": [
            paragraph(
                "Stuur je vraag vooraf in, dan kunnen de deskundigen zich voorbereiden. Vragen "
                "tijdens het spreekuur zijn ook welkom.",
            ),
            callout(
                "tip",
                "Ben je nieuw in je functie? Dit spreekuur is een laagdrempelige manier om "
                "collega's te leren kennen.",
            ),
        ],
        "themes": ["privacy", "informatiebeveiliging"],
    },
    {
        "slug": "oefendag-crisisteams",
        "title": "Oefendag crisisteams",
        "days_from_today": 30,
        "start": "13:00",
        "end": "16:30",
        "format": "on_site",
        "location_name": "Oefencentrum Veiligheid",
        "address": "Trainingsweg 20, Zwolle",
        "intro": "Crisisteams van verschillende instellingen oefenen met hetzelfde scenario "
        "en leren van elkaars aanpak.",
        "body": [
            paragraph(
                "Elke instelling neemt een team van vijf tot zeven mensen mee. Na de oefening "
                "volgt een gezamenlijke nabespreking, begeleid door ervaren "
                "crisiscoördinatoren.",
            ),
            callout(
                "let-op",
                "Het scenario wordt vooraf niet bekendgemaakt. Deelname is alleen voor leden.",
            ),
        ],
        "themes": ["crisisbeheersing"],
    },
    {
        "slug": "jaarconferentie-integrale-veiligheid-hoger-onderwijs",
        "title": "Jaarconferentie Integrale Veiligheid Hoger Onderwijs",
        "days_from_today": 58,
        "start": "09:30",
        "end": "17:00",
        "format": "hybrid",
        "location_name": "Congrescentrum De Werf",
        "address": "Werfkade 1, Utrecht",
        "online_url": MEETING_LINK + "jaarconferentie",
        "intro": "De jaarlijkse ontmoeting van iedereen die in het hoger onderwijs aan "
        "veiligheid werkt, dit jaar over samenwerking met ketenpartners.",
        "body": [
            paragraph(
                "Na de plenaire opening kies je twee van de twaalf werksessies. De dag sluit af "
                "met een gesprek tussen bestuurders van instellingen en ketenpartners.",
            ),
            paragraph(
                "De plenaire delen zijn ook online te volgen; de werksessies alleen op locatie.",
            ),
        ],
        "themes": [],
    },
]
