from demo.stream import callout, paragraph, quote, steps

THEME = "integriteit"

INSTRUMENTS = [
    {
        "title": "Integriteitsrisicoanalyse bedrijfsvoering",
        "type": "stappenplan",
        "steps": ["risicomanagement"],
        "summary": "Een werkwijze om met een team in twee bijeenkomsten de integriteitsrisico's "
        "van een afdeling in kaart te brengen, zoals bij inkoop, toelating of examinering.",
        "body": [
            steps(
                ("Voorbereiden", "Kies de processen en nodig mensen uit die ze goed kennen."),
                ("Kwetsbare momenten benoemen", "Waar hebben mensen ruimte om af te wijken, en "
                 "wie merkt dat?"),
                ("Risico's wegen", "Kans en gevolg, op een eenvoudige schaal."),
                ("Maatregelen afspreken", "Liefst maatregelen die het werk niet zwaarder "
                 "maken, zoals het vier-ogenprincipe op de juiste plek."),
            ),
            callout(
                "tip",
                "Noem het een gesprek over kwetsbaarheden, niet over fraude. Dan praten mensen "
                "vrijer.",
            ),
        ],
        "must_adapt": True,
    },
    {
        "title": "Voorbeeld klokkenluidersregeling",
        "type": "voorbeelddocument",
        "steps": ["beleid"],
        "summary": "Een voorbeeldregeling voor het melden van vermoedens van misstanden, met "
        "bescherming van de melder en een onafhankelijke meldroute.",
        "body": [
            paragraph(
                "De regeling beschrijft wie kan melden, bij wie, hoe de melder wordt beschermd "
                "en binnen welke termijnen de instelling reageert. Ze sluit aan op de wettelijke "
                "eisen en laat ruimte voor een eigen vertrouwenspersoon integriteit.",
            ),
            callout(
                "let-op",
                "Controleer bij vaststelling of de termijnen en de externe meldroute nog "
                "overeenkomen met de actuele wetgeving.",
            ),
        ],
        "must_adapt": True,
        "files": ["docx"],
    },
    {
        "title": "Afwegingskader nevenwerkzaamheden en belangenverstrengeling",
        "type": "afwegingskader",
        "steps": ["beleid", "organisatie"],
        "summary": "Vragen voor leidinggevenden en medewerkers om te beoordelen of een "
        "nevenfunctie of een externe relatie de onafhankelijkheid in gevaar brengt.",
        "body": [
            paragraph(
                "Nevenwerkzaamheden zijn in het hoger onderwijs heel gewoon en vaak waardevol. "
                "Het kader helpt om het gesprek erover zakelijk te voeren: is er overlap met het "
                "eigen werk, is er financieel belang, en is de functie openbaar gemaakt?",
            ),
            quote(
                "Het kader maakt het gesprek minder persoonlijk. We bespreken de functie, niet "
                "de vraag of iemand te vertrouwen is.",
                "Leidinggevende, universiteit",
            ),
        ],
    },
    {
        "title": "Dilemmatraining integriteit",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een training waarin teams aan de hand van herkenbare dilemma's oefenen "
        "met afwegen en elkaar aanspreken.",
        "body": [
            paragraph(
                "De training bevat vijftien dilemma's uit onderwijs, onderzoek en "
                "bedrijfsvoering, zoals een student die een cadeau geeft na het afstuderen of "
                "een opdrachtgever die aandringt op een gunstige conclusie. Er is geen goed of "
                "fout antwoord; het gaat om de afweging.",
            ),
            steps(
                "Lees het dilemma voor en laat iedereen eerst zelf kiezen.",
                "Bespreek de keuzes en de argumenten erachter.",
                "Vraag wat er nodig is om de juiste keuze makkelijker te maken.",
            ),
        ],
        "files": ["pdf"],
    },
    {
        "title": "Rol en taken van de integriteitscoördinator",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "Een beschrijving van de rol van integriteitscoördinator: taken, positie in "
        "de organisatie, samenwerking met vertrouwenspersonen en rapportage.",
        "body": [
            paragraph(
                "De integriteitscoördinator houdt het overzicht: welke regelingen er zijn, welke "
                "meldingen binnenkomen en welke lessen daaruit volgen. De handleiding bevat een "
                "voorbeeldfunctieprofiel en een opzet voor een jaarverslag.",
            ),
            callout(
                "tip",
                "Beleg de rol niet bij dezelfde persoon die meldingen onderzoekt. Scheiding "
                "van rollen voorkomt dat de schijn van partijdigheid ontstaat.",
            ),
        ],
    },
    {
        "title": "Gesprekskaarten wetenschappelijke integriteit voor promovendi",
        "type": "scenariokaart",
        "steps": ["bewustzijn"],
        "summary": "Kaarten met situaties rond auteurschap, data en de relatie met de "
        "promotor, om te bespreken in een promovendibijeenkomst of met de begeleider.",
        "body": [
            paragraph(
                "Promovendi lopen vaak als eerste tegen vragen over integriteit aan, maar zijn "
                "afhankelijk van hun begeleider. De kaarten helpen om lastige situaties "
                "bespreekbaar te maken voordat ze een probleem worden.",
            ),
            callout(
                "voorbeeld",
                "Je begeleider vraagt je om een uitschieter uit je data te verwijderen, omdat "
                "die 'vast een meetfout' is. Wat doe je?",
            ),
        ],
    },
    {
        "title": "Procesgang onderzoek naar een integriteitsmelding",
        "type": "stappenplan",
        "steps": ["continuiteit", "organisatie"],
        "summary": "Hoe een instelling een melding van een integriteitsschending zorgvuldig "
        "onderzoekt: vooronderzoek, onderzoeksopdracht, hoor en wederhoor, rapportage.",
        "body": [
            steps(
                ("Vooronderzoek", "Is er voldoende grond voor een onderzoek?"),
                ("Opdracht", "Het bestuur formuleert de onderzoeksvraag en kiest onderzoekers "
                 "zonder band met de betrokkenen."),
                ("Onderzoek", "Met hoor en wederhoor, en een verslag van elk gesprek."),
                ("Rapport en besluit", "Het bestuur besluit; de onderzoekers adviseren."),
            ),
            callout(
                "let-op",
                "Dit stappenplan verwijst naar interne contactpersonen en voorbeelddossiers en "
                "is daarom alleen voor leden.",
            ),
        ],
        "members_only": True,
    },
]
