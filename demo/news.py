"""News items. Dates are `days_ago` before the day the command runs."""

from demo.stream import callout, heading, paragraph, quote

NEWS = [
    {
        "days_ago": 4,
        "title": "Nieuwe signalenkaart zorgwekkend gedrag in de kennisbank",
        "intro": "Docenten en studieadviseurs hebben er vaak om gevraagd: een kaart die laat "
        "zien waar je op let en wie je belt als gedrag van een student zorgen baart.",
        "body": [
            paragraph(
                "De werkgroep Zorgwekkend Gedrag heeft de signalenkaart in een half jaar "
                "ontwikkeld, samen met studieadviseurs van vier instellingen. De kaart is "
                "bewust kort gehouden: hij moet in een spannend moment bruikbaar zijn.",
            ),
            callout(
                "tip",
                "Zet het nummer van het eigen meldpunt op de achterkant voordat je de kaart "
                "verspreidt.",
            ),
        ],
        "themes": ["zorgwekkend-gedrag"],
        "instruments": ["signalenkaart-zorgwekkend-gedrag"],
    },
    {
        "days_ago": 11,
        "title": "Terugblik op de themadag sociale veiligheid",
        "intro": "Ruim honderd deelnemers spraken over melden, vertrouwenspersonen en de rol "
        "van omstanders. Een greep uit de opbrengst.",
        "body": [
            paragraph(
                "In de ochtend stond de vraag centraal waarom zo weinig studenten ongewenst "
                "gedrag melden. De deelnemers herkenden vooral twijfel: is dit erg genoeg, en "
                "wat gebeurt er met mijn melding?",
            ),
            quote(
                "We moeten niet alleen het meldpunt bekend maken, maar ook laten zien wat er "
                "na een melding gebeurt.",
                "Deelnemer aan de themadag",
            ),
            paragraph(
                "De middag was gewijd aan omstanderinterventie. Het trainingsmateriaal dat daar "
                "werd gebruikt, staat in de kennisbank.",
            ),
        ],
        "themes": ["sociale-veiligheid"],
        "instruments": ["training-omstanderinterventie-voor-docenten"],
    },
    {
        "days_ago": 19,
        "title": "Drie instellingen oefenden met een ransomware-scenario",
        "intro": "Een universiteit en twee hogescholen oefenden met hetzelfde scenario en "
        "vergeleken daarna hun aanpak. De lessen zijn gedeeld met het netwerk.",
        "body": [
            paragraph(
                "Alle drie de crisisteams liepen tegen dezelfde vraag aan: hoe communiceer je "
                "met studenten als e-mail en de leeromgeving niet werken? De instellingen hebben "
                "daarna hun noodkanalen vastgelegd en getest.",
            ),
            heading("Zelf oefenen"),
            paragraph(
                "Leden vinden het scenario en het draaiboek in de kennisbank. De werkgroep "
                "Informatiebeveiliging helpt graag bij de voorbereiding.",
            ),
        ],
        "themes": ["informatiebeveiliging", "crisisbeheersing"],
        "instruments": ["tabletop-oefening-cyberincident", "draaiboek-ransomware-incident"],
    },
    {
        "days_ago": 27,
        "title": "Pilot zelfevaluatie voor kleine hogescholen uitgebreid",
        "intro": "De quickscan waarmee kleine hogescholen hun volwassenheid op het gebied van "
        "veiligheid bepalen, wordt dit jaar bij meer instellingen getest.",
        "body": [
            paragraph(
                "Kleine instellingen hebben vaak één persoon voor alle veiligheidsthema's. De "
                "quickscan helpt hen in een paar uur te zien waar ze staan, op een schaal van "
                "één tot vijf, en waar de eerste stap het meeste oplevert.",
            ),
            paragraph(
                "De deelnemers uit de eerste ronde vonden vooral het gesprek met een collega "
                "van een andere instelling waardevol. Dat blijft daarom onderdeel van de pilot.",
            ),
        ],
        "themes": [],
    },
    {
        "days_ago": 36,
        "title": "Privacyfunctionarissen delen DPIA-sjabloon",
        "intro": "Een sjabloon voor een gegevensbeschermingseffectbeoordeling, met een "
        "uitgewerkt voorbeeld uit het onderwijs, staat nu in de kennisbank.",
        "body": [
            paragraph(
                "Het sjabloon is gemaakt door privacyfunctionarissen van vijf instellingen. "
                "Het uitgewerkte voorbeeld gaat over een digitaal toetsplatform, een onderwerp "
                "waar veel instellingen mee bezig zijn.",
            ),
            callout(
                "let-op",
                "Het sjabloon is een startpunt. Pas het aan op de eigen organisatie en laat de "
                "uitkomst toetsen door je eigen functionaris gegevensbescherming.",
            ),
        ],
        "themes": ["privacy"],
        "instruments": ["sjabloon-gegevensbeschermingseffectbeoordeling-dpia"],
    },
    {
        "days_ago": 45,
        "title": "Inschrijving jaarconferentie geopend",
        "intro": "Dit jaar staat de conferentie in het teken van samenwerking met "
        "ketenpartners. Leden kunnen zich nu aanmelden.",
        "body": [
            paragraph(
                "Het programma bestaat uit een plenaire opening, twaalf werksessies en een "
                "afsluitend gesprek met bestuurders. De werksessies worden voorbereid door de "
                "werkgroepen van het platform.",
            ),
            callout(
                "tip",
                "Meld je op tijd aan: de werksessies hebben een beperkt aantal plaatsen.",
            ),
        ],
        "themes": [],
    },
    {
        "days_ago": 57,
        "title": "Afwegingskader camera's op de campus herzien",
        "intro": "Het kader is aangevuld met vragen over slimme camera's en over het delen "
        "van beelden met de politie.",
        "body": [
            paragraph(
                "Steeds meer camerasystemen kunnen automatisch drukte meten of afwijkend gedrag "
                "herkennen. Het herziene kader helpt te bepalen of zulke functies nodig en "
                "toegestaan zijn, en wie de beelden mag bekijken.",
            ),
            paragraph(
                "De herziening is gemaakt door de werkgroepen Privacy en Fysieke Veiligheid "
                "samen.",
            ),
        ],
        "themes": ["privacy", "fysieke-veiligheid"],
        "instruments": ["afwegingskader-cameras-op-de-campus"],
    },
    {
        "days_ago": 68,
        "title": "Zomer in zicht: controleer je noodprocedure voor reizigers",
        "intro": "Voor de zomer vertrekken veel studenten voor stage of veldwerk. Een goed "
        "moment om de noodprocedure na te lopen.",
        "body": [
            paragraph(
                "Klopt het noodnummer nog, weet de alarmcentrale hoe ze de instelling bereikt, "
                "en is de registratie van reizigers compleet? De werkgroep Internationalisering "
                "zette de belangrijkste vragen op een rij.",
            ),
            callout(
                "tip",
                "Bel het noodnummer eens op een zaterdagavond. Neemt er iemand op?",
            ),
        ],
        "themes": ["internationalisering"],
        "instruments": [
            "noodprocedure-student-of-medewerker-in-het-buitenland",
            "registratie-van-reizen-en-verblijven",
        ],
    },
    {
        "days_ago": 84,
        "title": "Werkgroep kennisveiligheid breidt uit",
        "intro": "Door de toegenomen aandacht voor kennisveiligheid sluiten vier nieuwe "
        "instellingen aan bij de werkgroep.",
        "body": [
            paragraph(
                "De werkgroep richt zich dit jaar op de praktijk: hoe pas je een risicoanalyse "
                "toe zonder dat onderzoekers het als extra bureaucratie ervaren? De eerste "
                "opbrengst is een vereenvoudigde versie van de risicoanalyse voor "
                "internationale samenwerking.",
            ),
            quote(
                "Het gaat er niet om minder samen te werken, maar om bewust samen te werken.",
                "Voorzitter van de werkgroep",
            ),
        ],
        "themes": ["kennisveiligheid"],
        "instruments": ["risicoanalyse-internationale-samenwerking"],
    },
    {
        "days_ago": 101,
        "title": "Stuurgroep stelt jaarplan vast",
        "intro": "De stuurgroep van het platform heeft het jaarplan vastgesteld. Kennisdeling "
        "tussen kleine en grote instellingen krijgt meer aandacht.",
        "body": [
            paragraph(
                "Naast het onderhoud van de kennisbank en de vaste netwerkbijeenkomsten wil het "
                "platform kleine instellingen beter bereiken. Een koppeling met een "
                "vergelijkbare instelling als maatje is een van de ideeën.",
            ),
            paragraph(
                "Ook de instrumenten in de kennisbank worden kritisch bekeken: wat niet meer "
                "actueel is, wordt herzien of verwijderd.",
            ),
        ],
        "themes": [],
    },
    {
        "days_ago": 123,
        "title": "Tips voor een leerzame ontruimingsoefening",
        "intro": "Het oefenseizoen voor bedrijfshulpverlening begint. Wat maakt een oefening "
        "echt leerzaam?",
        "body": [
            paragraph(
                "Een oefening die elk jaar hetzelfde verloopt, leert weinig. Varieer het "
                "tijdstip, blokkeer eens een trappenhuis en zet waarnemers in die niet zelf "
                "ontruimen. Het evaluatieformulier in de kennisbank helpt bij het vastleggen.",
            ),
            callout(
                "voorbeeld",
                "Een hogeschool oefende tijdens een tentamen. Surveillanten bleken niet te "
                "weten wat ze met de opgaven moesten doen.",
            ),
        ],
        "themes": ["fysieke-veiligheid"],
        "instruments": ["ontruimingsoefening-evalueren", "instructiekaart-wat-te-doen-bij-brand"],
    },
    {
        "days_ago": 152,
        "title": "Dilemmatraining integriteit vernieuwd",
        "intro": "De dilemmatraining heeft nieuwe dilemma's gekregen over onderzoek met "
        "externe financiering en over generatieve AI in het onderwijs.",
        "body": [
            paragraph(
                "De werkgroep Integriteit verzamelde de nieuwe dilemma's bij trainers van "
                "verschillende instellingen. Ze zijn getest in twee teams en daarna aangescherpt.",
            ),
            paragraph(
                "De training is vrij te gebruiken; een eigen trainer kan haar met de "
                "handleiding zelf geven.",
            ),
        ],
        "themes": ["integriteit"],
        "instruments": ["dilemmatraining-integriteit"],
    },
]
