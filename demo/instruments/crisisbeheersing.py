from demo.stream import callout, heading, paragraph, quote, steps

THEME = "crisisbeheersing"

INSTRUMENTS = [
    {
        "title": "Voorbeeldstructuur crisisplan",
        "type": "voorbeelddocument",
        "steps": ["beleid", "organisatie"],
        "summary": "Een opzet voor een compact crisisplan: opschaling, samenstelling van het "
        "crisisteam, besluitvorming, communicatie en nazorg.",
        "body": [
            paragraph(
                "Een crisisplan hoeft niet dik te zijn. Deze opzet past op tien pagina's en "
                "verwijst voor details naar draaiboeken per scenario. Zo blijft het plan "
                "leesbaar en hoeft het niet bij elke wijziging opnieuw te worden vastgesteld.",
            ),
            heading("Onderdelen"),
            steps(
                "Wanneer is er sprake van een crisis, en wie besluit over opschalen?",
                "Samenstelling en taken van het crisisteam.",
                "Besluitvorming en vastlegging tijdens de crisis.",
                "Communicatie naar binnen en naar buiten.",
                "Afschalen, nazorg en evaluatie.",
            ),
        ],
        "must_adapt": True,
        "files": ["docx", "pdf"],
    },
    {
        "title": "Scenario's voor crisisoefeningen",
        "type": "scenariokaart",
        "steps": ["continuiteit", "bewustzijn"],
        "summary": "Zes uitgewerkte scenario's voor het oefenen van een crisisteam, van een "
        "brand in een laboratorium tot een dreiging tijdens een diploma-uitreiking.",
        "body": [
            paragraph(
                "Elk scenario heeft een startsituatie, vier rondes met nieuwe informatie en "
                "vragen voor de nabespreking. De scenario's zijn gemaakt door crisiscoördinatoren "
                "uit het netwerk en gebaseerd op echte gebeurtenissen.",
            ),
            callout(
                "let-op",
                "Deel de scenario's niet vooraf met deelnemers: de oefening werkt het best als "
                "het team niet weet wat er komt.",
            ),
        ],
        "members_only": True,
    },
    {
        "title": "Crisiscommunicatie in het eerste uur",
        "type": "stappenplan",
        "steps": ["continuiteit"],
        "summary": "Wat de communicatieadviseur doet in het eerste uur van een crisis, met "
        "voorbeeldberichten voor website, intranet en sociale media.",
        "body": [
            steps(
                ("Eerste bericht binnen dertig minuten", "Wat weten we, wat doen we, wanneer "
                 "volgt meer?"),
                ("Kanalen kiezen", "Ook kanalen die werken als de eigen systemen uitvallen."),
                ("Woordvoering beleggen", "Eén woordvoerder, en een vast moment voor updates."),
                ("Vragen bijhouden", "Verzamel wat studenten, ouders en pers vragen; dat "
                 "stuurt de volgende berichten."),
            ),
            quote(
                "Een kort bericht dat we het weten en ermee bezig zijn, voorkomt een uur aan "
                "telefoontjes.",
                "Communicatieadviseur, universiteit",
            ),
        ],
    },
    {
        "title": "Rollen in het crisisteam",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "De vaste rollen in een crisisteam van een instelling, met per rol taken, "
        "bevoegdheden en een actiekaart.",
        "body": [
            paragraph(
                "Een crisisteam werkt het best met vaste rollen: voorzitter, crisiscoördinator, "
                "communicatie, verslaglegging en de inhoudelijk deskundigen voor het scenario. "
                "Elke rol heeft een actiekaart met de eerste handelingen.",
            ),
            callout(
                "tip",
                "Wijs voor elke rol minstens twee mensen aan. Crises houden zich niet aan "
                "vakanties.",
            ),
        ],
    },
    {
        "title": "Oefenen en evalueren met kennis van het NIPV",
        "type": "verwijzing-ketenpartner",
        "steps": ["continuiteit"],
        "summary": "Het NIPV deelt kennis over het oefenen en evalueren van crisisorganisaties; "
        "bruikbaar bij het opzetten van een eigen oefenprogramma.",
        "body": [
            paragraph(
                "Op de site van het instituut staan publicaties over crisisbeheersing, oefenen "
                "en leren van incidenten. Ze zijn geschreven voor publieke organisaties, maar "
                "goed toe te passen op een onderwijsinstelling.",
            ),
            callout(
                "tip",
                "Combineer een oefening van de instelling met een oefening van de "
                "veiligheidsregio. Dan oefen je ook de samenwerking met de hulpdiensten.",
            ),
        ],
        "chain_partner": "NIPV",
    },
    {
        "title": "Sectoranalyse crisisscenario's hoger onderwijs",
        "type": "rapport",
        "steps": ["risicomanagement"],
        "summary": "Een analyse van de crisisscenario's die instellingen het meest "
        "waarschijnlijk en het meest ingrijpend vinden, op basis van een enquête in het "
        "netwerk.",
        "body": [
            paragraph(
                "Crisiscoördinatoren van instellingen beoordeelden een lijst van scenario's op "
                "kans en impact. Cyberaanvallen, uitval van gebouwen en ernstige incidenten met "
                "studenten in het buitenland staan bovenaan.",
            ),
            callout(
                "let-op",
                "Het rapport bevat uitkomsten per type instelling en is daarom alleen voor "
                "leden. Gemiddelden worden alleen getoond als genoeg instellingen meededen.",
            ),
        ],
        "members_only": True,
    },
    {
        "title": "Nazorg en evaluatie na een crisis",
        "type": "stappenplan",
        "steps": ["continuiteit"],
        "summary": "Hoe je na een crisis zorgt voor de mensen die erbij betrokken waren, en "
        "hoe je zonder schuldvraag evalueert wat beter kan.",
        "body": [
            steps(
                "Zorg in de eerste dagen voor opvang en informatie voor betrokkenen.",
                "Plan na vier tot zes weken een gesprek over hoe het gaat.",
                "Laat de evaluatie uitvoeren door iemand die niet in het crisisteam zat.",
                "Bespreek de uitkomsten met het team en leg verbeteracties vast.",
            ),
            callout(
                "tip",
                "Evalueer ook crises die goed zijn afgelopen. Juist dan is het makkelijk om "
                "open te praten over wat beter kan.",
            ),
        ],
        "other_themes": ["sociale-veiligheid"],
    },
    {
        "title": "Training voor nieuwe leden van het crisisteam",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een introductieprogramma van een dagdeel voor wie nieuw is in het "
        "crisisteam: plan, rollen, vergaderen onder tijdsdruk en een korte oefening.",
        "body": [
            paragraph(
                "Nieuwe teamleden krijgen het crisisplan vaak alleen toegestuurd. Dit programma "
                "laat ze ervaren hoe een crisisvergadering verloopt en wat er van hun rol wordt "
                "verwacht.",
            ),
            steps(
                "Het crisisplan in een half uur.",
                "Rollen en actiekaarten.",
                "Vergaderen met een vaste structuur: beeld, oordeel, besluit.",
                "Korte oefening met een eenvoudig scenario.",
            ),
        ],
        "must_adapt": True,
    },
]
