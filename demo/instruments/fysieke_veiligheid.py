from demo.stream import callout, heading, paragraph, steps

THEME = "fysieke-veiligheid"

INSTRUMENTS = [
    {
        "title": "Risico-inventarisatie gebouwen en terreinen",
        "type": "voorbeelddocument",
        "steps": ["risicomanagement"],
        "summary": "Een invulblad om per gebouw de fysieke risico's te inventariseren: brand, "
        "inbraak, gevaarlijke stoffen, drukte en toegang buiten openingstijden.",
        "body": [
            paragraph(
                "Het invulblad is ingedeeld per ruimtetype, zoals collegezalen, laboratoria, "
                "werkplaatsen en studentenhuisvesting. Per type staan de risico's die in de "
                "sector het vaakst voorkomen, met ruimte voor eigen aanvullingen.",
            ),
            callout(
                "tip",
                "Loop de inventarisatie samen met de gebouwbeheerder en een BHV'er. Zij weten "
                "waar het in de praktijk misgaat.",
            ),
        ],
        "must_adapt": True,
        "files": ["xlsx"],
    },
    {
        "title": "Normenkader beveiligingsniveaus campus",
        "type": "normenkader",
        "steps": ["beleid"],
        "summary": "Een indeling van gebouwen en ruimten in beveiligingsniveaus, met per niveau "
        "de minimale maatregelen voor toegang, toezicht en inbraakwerendheid.",
        "body": [
            paragraph(
                "Niet elke ruimte vraagt dezelfde beveiliging. Het kader onderscheidt vier "
                "niveaus, van openbare ruimte tot ruimte met gevaarlijke stoffen of gevoelige "
                "onderzoeksapparatuur, en koppelt aan elk niveau een set maatregelen.",
            ),
            callout(
                "let-op",
                "Hoe hoger het niveau, hoe belangrijker het beheer: een toegangssysteem helpt "
                "alleen als rechten ook worden ingetrokken bij vertrek.",
            ),
        ],
    },
    {
        "title": "BHV-organisatie op maat",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "Hoe je bepaalt hoeveel bedrijfshulpverleners je nodig hebt, ook 's avonds, "
        "in het weekend en tijdens tentamenperiodes met veel bezoekers.",
        "body": [
            paragraph(
                "De benodigde bezetting hangt af van het aantal aanwezigen, de indeling van het "
                "gebouw en de risico's. De handleiding helpt om een bezettingsrooster te maken "
                "dat ook werkt bij flexibel en hybride werken.",
            ),
            heading("Studenten als BHV'er"),
            paragraph(
                "Steeds meer instellingen leiden studenten op als BHV'er, bijvoorbeeld voor "
                "avondopenstelling van de bibliotheek. De handleiding bespreekt de voor- en "
                "nadelen.",
            ),
        ],
    },
    {
        "title": "Kennis over brandveiligheid en inbraakpreventie bij het CCV",
        "type": "verwijzing-ketenpartner",
        "steps": ["beleid", "organisatie"],
        "summary": "Het CCV biedt kennis en handreikingen over brandveiligheid, beveiliging en "
        "criminaliteitspreventie die ook voor campussen bruikbaar zijn.",
        "body": [
            paragraph(
                "Op de site van het CCV staan onder meer informatie over certificering van "
                "beveiligingsbedrijven en over brandveilig gebruik van gebouwen. Handig bij het "
                "opstellen van eisen voor een aanbesteding.",
            ),
            callout(
                "tip",
                "Vraag bij een aanbesteding voor beveiliging naar erkende certificaten; dat "
                "scheelt eigen toetsing.",
            ),
        ],
        "chain_partner": "CCV",
    },
    {
        "title": "Ontruimingsoefening evalueren",
        "type": "stappenplan",
        "steps": ["continuiteit"],
        "summary": "Een evaluatieformulier en werkwijze om van elke ontruimingsoefening te "
        "leren, met vaste waarnemingspunten en een actielijst.",
        "body": [
            steps(
                ("Waarnemers aanwijzen", "Per verdieping één waarnemer, die niet meedoet aan "
                 "de ontruiming."),
                ("Vaste punten observeren", "Alarmering, looproutes, verzamelplaats, "
                 "terugkoppeling aan de hulpdiensten."),
                ("Direct nabespreken", "Binnen een uur, met BHV'ers en waarnemers."),
                ("Acties vastleggen", "Met eigenaar en termijn, en terugkijken bij de volgende "
                 "oefening."),
            ),
            callout(
                "voorbeeld",
                "Bij een oefening bleek dat een nooduitgang achter een tijdelijke tentoonstelling "
                "was verdwenen. Niemand had het opgemerkt.",
            ),
        ],
        "files": ["docx"],
        "other_themes": ["crisisbeheersing"],
    },
    {
        "title": "Instructiekaart wat te doen bij brand",
        "type": "factsheet",
        "steps": ["bewustzijn"],
        "summary": "Een kaart voor nieuwe medewerkers en studenten met de belangrijkste "
        "handelingen bij brand en ontruiming, in het Nederlands en het Engels.",
        "body": [
            paragraph(
                "De kaart past op een A5 en kan naast de deur van elke collegezaal hangen. Ze "
                "bevat de vijf handelingen die iedereen moet kennen en een plek voor het "
                "interne alarmnummer.",
            ),
            steps(
                "Waarschuw mensen in de buurt en druk op de handmelder.",
                "Bel het interne alarmnummer.",
                "Verlaat het gebouw via de dichtstbijzijnde veilige uitgang.",
                "Gebruik geen lift.",
                "Ga naar de verzamelplaats en volg de aanwijzingen van de BHV.",
            ),
        ],
        "files": ["pdf"],
    },
    {
        "title": "Veiligheidscheck evenementen op de campus",
        "type": "afwegingskader",
        "steps": ["risicomanagement", "organisatie"],
        "summary": "Een korte check voor organisatoren van introductieweken, feesten en "
        "congressen: is er een vergunning nodig, hoeveel BHV, en wat als het misgaat?",
        "body": [
            paragraph(
                "Studieverenigingen en opleidingen organiseren veel evenementen. De check helpt "
                "hen in twintig vragen om de risico's te zien en op tijd de juiste mensen in "
                "te schakelen.",
            ),
            callout(
                "tip",
                "Maak de check verplicht bij de aanvraag van een ruimte. Dan komt hij op het "
                "goede moment.",
            ),
        ],
        "other_themes": ["crisisbeheersing"],
    },
    {
        "title": "Toegangsbeheer en sleutelplan",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "Hoe je toegangspassen en sleutels beheert, van uitgifte tot intrekken, en "
        "hoe je periodiek controleert wie waar naar binnen kan.",
        "body": [
            paragraph(
                "In de praktijk houden oud-medewerkers, externen en studenten vaak langer "
                "toegang dan nodig. De handleiding beschrijft een koppeling met de "
                "personeels- en studentenadministratie en een jaarlijkse controle per "
                "beveiligingsniveau.",
            ),
            callout(
                "let-op",
                "De bijlage met voorbeelden van zwakke plekken is alleen voor leden.",
            ),
        ],
        "members_only": True,
    },
]
