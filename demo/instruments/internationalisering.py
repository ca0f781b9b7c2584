from demo.stream import callout, paragraph, quote, steps

THEME = "internationalisering"

INSTRUMENTS = [
    {
        "title": "Normenkader reisbeleid studenten en medewerkers",
        "type": "normenkader",
        "steps": ["beleid"],
        "summary": "De afspraken die een reisbeleid minimaal bevat: registratie, "
        "verzekering, voorbereiding, bereikbaarheid en hulp in noodsituaties.",
        "body": [
            paragraph(
                "Het normenkader geldt voor studie, stage, veldwerk en dienstreizen. Het maakt "
                "onderscheid tussen wat de instelling regelt en wat van de reiziger zelf wordt "
                "verwacht.",
            ),
            callout(
                "let-op",
                "Vergeet de reizen die buiten de centrale systemen om worden geboekt, zoals "
                "veldwerk dat een onderzoeksgroep zelf organiseert.",
            ),
        ],
    },
    {
        "title": "Risicoclassificatie van bestemmingen",
        "type": "afwegingskader",
        "steps": ["risicomanagement"],
        "summary": "Een werkwijze om bestemmingen in te delen in risicoklassen, met per klasse "
        "de voorwaarden voor een reis, van melding tot toestemming van het bestuur.",
        "body": [
            paragraph(
                "Het kader gebruikt het reisadvies van de overheid als basis en voegt daar "
                "eigen overwegingen aan toe, zoals het soort reis, de ervaring van de reiziger "
                "en de mogelijkheden voor hulp ter plaatse.",
            ),
            callout(
                "tip",
                "Maak vooraf afspraken over reizen naar gebieden met een negatief reisadvies. "
                "Dan hoeft niet per geval op bestuursniveau te worden besloten.",
            ),
        ],
        "must_adapt": True,
    },
    {
        "title": "Noodprocedure student of medewerker in het buitenland",
        "type": "stappenplan",
        "steps": ["continuiteit"],
        "summary": "Wat de instelling doet als een student of medewerker in het buitenland "
        "in nood raakt door ziekte, een ongeval, een ramp of onrust.",
        "body": [
            steps(
                ("Contact leggen", "Met de betrokkene, en via de alarmcentrale van de "
                 "verzekeraar."),
                ("Inschatten", "Is er direct gevaar? Zijn er meer reizigers van de instelling "
                 "in de regio?"),
                ("Opschalen", "Bij ernstige situaties het crisisteam inschakelen."),
                ("Familie informeren", "In overleg met de betrokkene, of met de "
                 "contactpersoon die hij of zij heeft opgegeven."),
                ("Nazorg", "Bij terugkeer een gesprek aanbieden, en de opleiding informeren."),
            ),
            callout(
                "let-op",
                "Zorg dat het noodnummer van de instelling dag en nacht bereikbaar is en dat "
                "elke reiziger het vóór vertrek in zijn telefoon heeft gezet.",
            ),
        ],
        "files": ["pdf"],
        "other_themes": ["crisisbeheersing"],
    },
    {
        "title": "Voorbereidingsbijeenkomst voor uitgaande studenten",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een programma van twee uur voor studenten die op uitwisseling of stage "
        "gaan: risico's, gezondheid, digitale veiligheid en wat te doen bij problemen.",
        "body": [
            paragraph(
                "Studenten die eerder in het buitenland waren, vertellen over hun ervaringen. "
                "Daarna oefenen de deelnemers in kleine groepen met situaties zoals een "
                "gestolen telefoon of een onveilige stageplek.",
            ),
            quote(
                "Ik had nooit gedacht dat ik het noodnummer van mijn hogeschool nodig zou "
                "hebben. Gelukkig stond het in mijn telefoon.",
                "Student, na een stage in het buitenland",
            ),
        ],
        "must_adapt": True,
    },
    {
        "title": "Registratie van reizen en verblijven",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "Hoe je bijhoudt welke studenten en medewerkers waar in het buitenland "
        "zijn, zodat je hen kunt bereiken als er iets gebeurt.",
        "body": [
            paragraph(
                "Een registratie werkt alleen als ze volledig is en als gegevens na terugkomst "
                "worden verwijderd. De handleiding bespreekt de keuze tussen een eigen systeem "
                "en een dienst van een reisverzekeraar, en de privacyafspraken die daarbij "
                "horen.",
            ),
            callout(
                "let-op",
                "Registreer niet meer dan nodig: bestemming, periode en bereikbaarheid zijn "
                "meestal genoeg.",
            ),
        ],
        "other_themes": ["privacy"],
    },
    {
        "title": "Veiligheidsinformatie voor internationale studenten",
        "type": "factsheet",
        "steps": ["bewustzijn", "organisatie"],
        "summary": "Een overzicht in het Engels voor internationale studenten: noodnummers, "
        "waar je terechtkunt bij problemen, en hoe je oplichting bij kamerhuur herkent.",
        "body": [
            paragraph(
                "Internationale studenten weten vaak niet dat een vertrouwenspersoon, "
                "studentenarts of meldpunt ook voor hen is. Het overzicht zet de belangrijkste "
                "hulp op één pagina, met ruimte voor de eigen contactgegevens.",
            ),
            callout(
                "tip",
                "Deel het overzicht voor aankomst, samen met de bevestiging van inschrijving. "
                "Problemen met huisvesting ontstaan vaak al voordat een student in Nederland is.",
            ),
        ],
    },
]
