from demo.stream import callout, heading, paragraph, steps

THEME = "zorgwekkend-gedrag"

INSTRUMENTS = [
    {
        "title": "Signalenkaart zorgwekkend gedrag",
        "type": "factsheet",
        "steps": ["bewustzijn"],
        "summary": "Een kaart voor docenten en studieadviseurs met signalen die op zorgwekkend "
        "gedrag kunnen wijzen, en wie je daarover belt.",
        "body": [
            paragraph(
                "Eén signaal zegt weinig; het gaat om een combinatie en om verandering. De kaart "
                "noemt signalen in gedrag, uitingen en omstandigheden, en maakt duidelijk dat je "
                "niet zelf hoeft te beoordelen of iemand radicaliseert of een gevaar vormt.",
            ),
            callout(
                "tip",
                "Zet op de achterkant van de kaart het nummer van het eigen meldpunt. Dat is de "
                "enige informatie die iemand in een spannend moment nodig heeft.",
            ),
        ],
        "files": ["pdf"],
    },
    {
        "title": "Afwegingskader informatie delen met ketenpartners",
        "type": "afwegingskader",
        "steps": ["organisatie"],
        "summary": "Wanneer mag en moet je zorgen over een student of medewerker delen met "
        "gemeente, zorg of politie, en welke gegevens deel je dan?",
        "body": [
            paragraph(
                "Het kader loopt langs de vragen die ook een privacyfunctionaris zou stellen: "
                "wat is het doel, is delen noodzakelijk, welke gegevens zijn echt nodig en is er "
                "een grondslag? Het eindigt met een korte vastlegging van de afweging.",
            ),
            callout(
                "let-op",
                "Bij acuut gevaar gaat veiligheid voor. Bel 112 en leg de afweging achteraf "
                "vast.",
            ),
        ],
        "other_themes": ["privacy"],
    },
    {
        "title": "Casusoverleg zorgwekkend gedrag inrichten",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "Hoe je binnen de instelling een klein, vast overleg inricht dat zorgen over "
        "gedrag bespreekt, weegt en opvolgt.",
        "body": [
            paragraph(
                "In het overleg zitten vaste deelnemers, bijvoorbeeld uit studentenzaken, "
                "beveiliging en HR, aangevuld met wie de betrokkene kent. De handleiding gaat in "
                "op samenstelling, vertrouwelijkheid, verslaglegging en de afspraken met "
                "ketenpartners.",
            ),
            heading("Wat het overleg niet is"),
            paragraph(
                "Het overleg neemt geen tuchtrechtelijke besluiten en stelt geen diagnoses. Het "
                "zorgt dat de juiste mensen op de hoogte zijn en dat er iemand actie onderneemt.",
            ),
        ],
    },
    {
        "title": "Samenwerken met politie en wijkagent",
        "type": "verwijzing-ketenpartner",
        "steps": ["organisatie"],
        "summary": "Wanneer schakel je de politie in bij zorgwekkend gedrag of dreiging, en "
        "hoe leg je vooraf contact met de wijkagent van je campus?",
        "body": [
            paragraph(
                "Een goede relatie met de wijkagent maakt het makkelijker om bij twijfel even te "
                "overleggen. Spreek af hoe je elkaar bereikt en welke informatie je in welke "
                "situatie deelt.",
            ),
            callout(
                "tip",
                "Nodig de wijkagent uit voor een rondleiding over de campus. Dan kent hij de "
                "gebouwen als het er ooit op aankomt.",
            ),
        ],
        "chain_partner": "Politie",
        "other_themes": ["fysieke-veiligheid"],
    },
    {
        "title": "Dreigingsbeeld terrorisme en radicalisering volgen",
        "type": "verwijzing-ketenpartner",
        "steps": ["risicomanagement"],
        "summary": "De NCTV publiceert periodiek een dreigingsbeeld. Gebruik het om te bepalen "
        "of de eigen maatregelen nog passen.",
        "body": [
            paragraph(
                "Het dreigingsbeeld beschrijft welke vormen van extremisme en terrorisme op dit "
                "moment de grootste zorg zijn. Voor instellingen is vooral van belang hoe "
                "jongeren online in aanraking komen met extremistische ideeën.",
            ),
            callout(
                "tip",
                "Bespreek een nieuw dreigingsbeeld in het casusoverleg: wat betekent het voor "
                "de signalen waar we op letten?",
            ),
        ],
        "chain_partner": "NCTV",
    },
    {
        "title": "Risicotaxatie bij dreigende uitlatingen",
        "type": "stappenplan",
        "steps": ["risicomanagement", "continuiteit"],
        "summary": "Een gestructureerde eerste inschatting als een student of medewerker een "
        "dreigende uitspraak doet, online of op de campus.",
        "body": [
            steps(
                ("Feiten vastleggen", "Wat is er precies gezegd of geschreven, wanneer en "
                 "tegen wie?"),
                ("Context verzamelen", "Wat weten studieadviseur, docent of leidinggevende?"),
                ("Inschatten", "Gebruik de vragen in het werkblad; doe dit met minimaal twee "
                 "personen."),
                ("Handelen", "Van een gesprek met de betrokkene tot direct contact met de "
                 "politie."),
            ),
            callout(
                "let-op",
                "Het werkblad is alleen beschikbaar voor leden, omdat het details bevat over "
                "hoe instellingen dreiging beoordelen.",
            ),
        ],
        "members_only": True,
    },
    {
        "title": "Protocol dreiging tegen een medewerker",
        "type": "stappenplan",
        "steps": ["continuiteit"],
        "summary": "Wat de instelling doet als een medewerker wordt bedreigd, bijvoorbeeld "
        "vanwege onderzoek of uitspraken in de media: bescherming, steun en aangifte.",
        "body": [
            steps(
                "Zorg voor de directe veiligheid van de medewerker.",
                "Informeer de leidinggevende en het veiligheidsmeldpunt.",
                "Bied steun bij aangifte; de instelling kan namens de medewerker aangifte doen.",
                "Neem waar nodig maatregelen, zoals het afschermen van contactgegevens.",
                "Blijf contact houden, ook als het incident voorbij lijkt.",
            ),
            callout(
                "tip",
                "Spreek vooraf af dat de instelling aangifte doet op haar eigen adres, zodat het "
                "huisadres van de medewerker niet in het dossier komt.",
            ),
        ],
        "members_only": True,
        "other_themes": ["sociale-veiligheid", "crisisbeheersing"],
    },
    {
        "title": "Training gesprekken over polarisatie in de les",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een workshop voor docenten die merken dat maatschappelijke spanningen de "
        "les binnenkomen, en die het gesprek willen aangaan in plaats van vermijden.",
        "body": [
            paragraph(
                "Docenten oefenen met gespreksregels, met doorvragen zonder te oordelen en met "
                "het begrenzen van uitspraken die anderen kwetsen. De workshop duurt drie uur en "
                "kan door een eigen trainer worden gegeven.",
            ),
            callout(
                "voorbeeld",
                "Na een gewelddadig incident in het nieuws begon een docent de les met vijf "
                "minuten ruimte voor vragen. Dat voorkwam dat de discussie de hele les "
                "overnam.",
            ),
        ],
        "must_adapt": True,
        "other_themes": ["sociale-veiligheid"],
    },
]
