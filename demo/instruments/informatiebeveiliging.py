from demo.stream import callout, heading, paragraph, quote, steps

THEME = "informatiebeveiliging"

INSTRUMENTS = [
    {
        "title": "Sjabloon business impact analyse voor informatiesystemen",
        "type": "voorbeelddocument",
        "steps": ["risicomanagement"],
        "summary": "Een invulblad om per informatiesysteem te bepalen hoe ernstig uitval, "
        "verminking of uitlekken van gegevens is, als basis voor passende maatregelen.",
        "body": [
            paragraph(
                "Een business impact analyse (BIA) beantwoordt per systeem drie vragen: hoe lang "
                "kan het onderwijs of onderzoek zonder, hoe erg is het als gegevens niet kloppen, "
                "en wat gebeurt er als gegevens op straat komen? De uitkomst is een "
                "classificatie die bepaalt welke maatregelen nodig zijn.",
            ),
            steps(
                ("Kies het systeem en de proceseigenaar", "De proceseigenaar vult in, de "
                 "security officer begeleidt."),
                ("Beoordeel beschikbaarheid, integriteit en vertrouwelijkheid", "Gebruik de "
                 "vaste schaal van laag tot hoog uit het invulblad."),
                ("Leg de classificatie vast", "Neem haar op in het register van systemen."),
                ("Plan herbeoordeling", "Na grote wijzigingen, en minstens eens per drie jaar."),
            ),
        ],
        "must_adapt": True,
        "files": ["xlsx"],
    },
    {
        "title": "Toetsingskader en audits informatiebeveiliging via SURF",
        "type": "verwijzing-ketenpartner",
        "steps": ["beleid", "risicomanagement"],
        "summary": "Instellingen toetsen hun informatiebeveiliging aan een gezamenlijk "
        "normenkader en doen mee aan onderlinge audits. SURF coördineert dit.",
        "body": [
            paragraph(
                "Met een gedeeld normenkader kunnen instellingen zich met elkaar vergelijken en "
                "van elkaar leren. In een audit beoordelen collega's van andere instellingen "
                "hoe volwassen de beveiliging is. Op de site van SURF staat hoe je meedoet.",
            ),
            callout(
                "tip",
                "Gebruik de uitkomst van de audit als onderbouwing in je jaarplan: het bestuur "
                "ziet dan waar de instelling staat ten opzichte van de sector.",
            ),
        ],
        "chain_partner": "SURF",
    },
    {
        "title": "Voorbeeld informatiebeveiligingsbeleid",
        "type": "voorbeelddocument",
        "steps": ["beleid"],
        "summary": "Een voorbeeldtekst voor het informatiebeveiligingsbeleid van een "
        "instelling: uitgangspunten, rollen, classificatie en de cyclus van plannen en "
        "bijsturen.",
        "body": [
            paragraph(
                "Het voorbeeldbeleid is kort gehouden en verwijst voor details naar "
                "onderliggende richtlijnen. Zo hoeft het bestuur alleen de hoofdlijnen vast te "
                "stellen en kun je richtlijnen bijwerken zonder het hele beleid opnieuw te laten "
                "vaststellen.",
            ),
            callout(
                "let-op",
                "Stem het beleid af met het privacybeleid: beide gebruiken dezelfde "
                "classificatie en dezelfde meldroute voor incidenten.",
            ),
        ],
        "must_adapt": True,
        "files": ["docx"],
        "other_themes": ["privacy"],
    },
    {
        "title": "Rollen en verantwoordelijkheden in informatiebeveiliging",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "Wie doet wat: het bestuur, de CISO, de functionaris gegevensbescherming, "
        "proceseigenaren, ict en gebruikers. Met een overzicht van overlegvormen.",
        "body": [
            paragraph(
                "Informatiebeveiliging mislukt vaak niet door techniek, maar doordat niemand zich "
                "eigenaar voelt. De handleiding beschrijft de drie lijnen: de lijn die risico's "
                "neemt en beheert, de tweede lijn die adviseert en toetst, en de interne of "
                "externe audit.",
            ),
            heading("Proceseigenaren"),
            paragraph(
                "De proceseigenaar, bijvoorbeeld de directeur onderwijs of het hoofd van de "
                "studentenadministratie, beslist over de risico's van zijn systemen. De CISO "
                "adviseert, maar neemt die beslissing niet over.",
            ),
        ],
        "other_themes": ["privacy"],
    },
    {
        "title": "Phishingoefening voor medewerkers",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een aanpak voor een phishingoefening die medewerkers iets leert in plaats "
        "van ze te beschamen, met voorbeeldberichten en een communicatieplan.",
        "body": [
            paragraph(
                "Een oefening levert het meeste op als wie klikt direct uitleg krijgt over wat "
                "hij had kunnen zien, en als de uitkomsten alleen op groepsniveau worden "
                "besproken. Het pakket bevat drie voorbeeldberichten van oplopende moeilijkheid "
                "en teksten voor de aankondiging en de terugkoppeling.",
            ),
            callout(
                "let-op",
                "Bespreek de oefening vooraf met de ondernemingsraad en de "
                "functionaris gegevensbescherming.",
            ),
        ],
        "must_adapt": True,
    },
    {
        "title": "Draaiboek ransomware-incident",
        "type": "stappenplan",
        "steps": ["continuiteit"],
        "summary": "De eerste 72 uur na een ransomware-aanval: isoleren, opschalen, "
        "communiceren, melden en herstellen, met beslispunten voor het crisisteam.",
        "body": [
            steps(
                ("Isoleren", "Koppel getroffen systemen los en bewaar sporen voor onderzoek."),
                ("Opschalen", "Activeer het crisisteam en het cyberincidentteam."),
                ("Melden", "Beoordeel meldplichten: toezichthouder, politie en SURFcert."),
                ("Communiceren", "Informeer studenten en medewerkers via kanalen die nog "
                 "werken."),
                ("Herstellen", "Zet systemen terug in volgorde van belang voor onderwijs en "
                 "onderzoek."),
            ),
            callout(
                "let-op",
                "Dit draaiboek bevat contactgegevens en beslisregels die niet openbaar mogen "
                "worden. Deel het alleen binnen je eigen instelling (TLP:AMBER).",
            ),
        ],
        "members_only": True,
        "files": ["pdf"],
        "other_themes": ["crisisbeheersing"],
    },
    {
        "title": "Tabletop-oefening cyberincident",
        "type": "scenariokaart",
        "steps": ["continuiteit", "bewustzijn"],
        "summary": "Een uitgewerkt scenario van een cyberaanval in tentamenweek om met het "
        "crisisteam in twee uur aan tafel te oefenen, met injects en evaluatievragen.",
        "body": [
            paragraph(
                "Het scenario begint met een melding van trage systemen op maandagochtend en "
                "escaleert in vier rondes. Elke ronde bevat nieuwe informatie, een besluit dat "
                "het team moet nemen en een vraag van de pers of de studentenraad.",
            ),
            quote(
                "We dachten dat we alles hadden geregeld, tot bleek dat het telefoonnummer van "
                "onze leverancier alleen in het getroffen systeem stond.",
                "Deelnemer aan een oefening",
            ),
        ],
        "members_only": True,
    },
    {
        "title": "Factsheet wachtwoorden en tweestapsverificatie voor studenten",
        "type": "factsheet",
        "steps": ["bewustzijn"],
        "summary": "Eén pagina voor studenten over sterke wachtwoorden, een "
        "wachtwoordmanager en tweestapsverificatie, om uit te delen bij de introductie.",
        "body": [
            paragraph(
                "De factsheet legt in vijf punten uit hoe een student zijn studieaccount goed "
                "beveiligt. De tekst is getest met eerstejaars en is beschikbaar in het "
                "Nederlands en het Engels.",
            ),
            callout(
                "tip",
                "Koppel de factsheet aan een moment waarop studenten toch met hun account bezig "
                "zijn, zoals de eerste keer inloggen.",
            ),
        ],
        "files": ["pdf"],
    },
]
