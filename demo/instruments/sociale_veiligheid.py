from demo.stream import callout, heading, paragraph, quote, steps

THEME = "sociale-veiligheid"

INSTRUMENTS = [
    {
        "title": "Vragenlijst sociale veiligheid voor studenten en medewerkers",
        "type": "voorbeelddocument",
        "steps": ["risicomanagement"],
        "summary": "Een vragenlijst om periodiek te meten hoe veilig studenten en medewerkers "
        "zich voelen en waar ongewenst gedrag voorkomt. Bruikbaar als nulmeting en om "
        "ontwikkelingen te volgen.",
        "body": [
            paragraph(
                "De vragenlijst bestaat uit een vaste kern van twintig vragen en een aantal "
                "optionele modules, bijvoorbeeld over stages en online gedrag. Door de vaste kern "
                "aan te houden kun je resultaten vergelijken tussen jaren en, als instellingen dat "
                "willen, met andere instellingen.",
            ),
            heading("Uitkomsten gebruiken"),
            paragraph(
                "Bespreek de uitkomsten eerst met opleidingen en diensten zelf. Zij herkennen "
                "patronen die in de cijfers niet zichtbaar zijn en kunnen gericht maatregelen "
                "kiezen.",
            ),
            callout(
                "tip",
                "Meet niet vaker dan eens per twee jaar. Zo blijft de respons hoog en is er tijd "
                "om verbeteringen door te voeren.",
            ),
        ],
        "must_adapt": True,
        "files": ["docx", "xlsx"],
    },
    {
        "title": "Normenkader sociale veiligheid",
        "type": "normenkader",
        "steps": ["beleid", "organisatie"],
        "summary": "Tien uitgangspunten waaraan een instelling haar aanpak van sociale "
        "veiligheid kan toetsen, van gedragscode tot nazorg na een melding.",
        "body": [
            paragraph(
                "Het normenkader beschrijft wat een instelling minimaal op orde heeft: een "
                "gedragscode die bekend is, een laagdrempelig meldpunt, onafhankelijke "
                "vertrouwenspersonen, een klachtenregeling met heldere termijnen en aandacht voor "
                "nazorg. Per uitgangspunt staan vragen waarmee je de eigen situatie beoordeelt.",
            ),
            callout(
                "let-op",
                "Een regeling op papier is niet genoeg. Toets ook of studenten en medewerkers de "
                "weg weten en of meldingen daadwerkelijk worden opgevolgd.",
            ),
        ],
    },
    {
        "title": "Voorbeeld gedragscode veilige leer- en werkomgeving",
        "type": "voorbeelddocument",
        "steps": ["beleid"],
        "summary": "Een voorbeeldtekst voor een gedragscode die geldt voor studenten, "
        "medewerkers en gasten, in begrijpelijke taal en met concrete voorbeelden.",
        "body": [
            paragraph(
                "De gedragscode beschrijft in gewone woorden welk gedrag de instelling verwacht "
                "en welk gedrag niet wordt geaccepteerd. Ze bevat voorbeelden uit onderwijs, "
                "onderzoek en stages, en verwijst naar de plekken waar iemand terechtkan.",
            ),
            callout(
                "tip",
                "Laat studenten en medewerkers meelezen voordat de code wordt vastgesteld. Een "
                "code die herkenbaar is, wordt beter nageleefd.",
            ),
        ],
        "must_adapt": True,
        "files": ["docx"],
    },
    {
        "title": "Stappenplan afhandeling melding ongewenst gedrag",
        "type": "stappenplan",
        "steps": ["organisatie", "continuiteit"],
        "summary": "Wat er gebeurt vanaf het moment dat iemand ongewenst gedrag meldt tot en "
        "met de afronding en evaluatie, met de rollen die daarbij horen.",
        "body": [
            steps(
                ("Ontvangen en erkennen", "Bevestig de melding binnen twee werkdagen en leg "
                 "uit wat de melder kan verwachten."),
                ("Eerste gesprek", "Breng samen met de melder in kaart wat er is gebeurd en wat "
                 "hij of zij wil bereiken."),
                ("Route kiezen", "Informele oplossing, bemiddeling of een formele klacht: de "
                 "melder beslist, tenzij de veiligheid van anderen in het geding is."),
                ("Afhandelen", "Voer de gekozen route uit en houd de melder op de hoogte."),
                ("Afronden en nazorg", "Sluit af met een gesprek en bied nazorg aan, ook aan "
                 "betrokken collega's of medestudenten."),
            ),
            callout(
                "let-op",
                "Leg vast wie toegang heeft tot de gegevens van een melding en hoe lang die "
                "worden bewaard.",
            ),
        ],
    },
    {
        "title": "Handreiking positie van de vertrouwenspersoon",
        "type": "handleiding",
        "steps": ["organisatie"],
        "summary": "Hoe je vertrouwenspersonen zo positioneert dat ze onafhankelijk kunnen "
        "werken: aanstelling, rapportage, werklast en scholing.",
        "body": [
            paragraph(
                "Een vertrouwenspersoon kan alleen goed werken als studenten en medewerkers erop "
                "vertrouwen dat het gesprek vertrouwelijk blijft. De handreiking bespreekt "
                "keuzes als interne of externe vertrouwenspersonen, aparte vertrouwenspersonen "
                "voor studenten, en hoe je jaarlijks rapporteert zonder dat meldingen "
                "herleidbaar worden.",
            ),
            quote(
                "Sinds we een externe vertrouwenspersoon naast de interne hebben, komen er meer "
                "meldingen van medewerkers uit de ondersteunende diensten.",
                "Coördinator sociale veiligheid, hogeschool",
            ),
        ],
    },
    {
        "title": "Training omstanderinterventie voor docenten",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een training van een dagdeel waarin docenten oefenen met ingrijpen als ze "
        "getuige zijn van grensoverschrijdend gedrag in of buiten de les.",
        "body": [
            paragraph(
                "Docenten zien vaak als eerste dat er iets niet klopt, maar weten niet altijd "
                "hoe ze kunnen ingrijpen. In deze training oefenen ze met korte situaties: een "
                "grensoverschrijdende opmerking in een werkgroep, uitsluiting in een projectteam, "
                "een student die iets vertelt na de les.",
            ),
            steps(
                "Opmerken: wat zie en hoor ik eigenlijk?",
                "Inschatten: is dit een moment om in te grijpen?",
                "Kiezen: direct aanspreken, afleiden, hulp inschakelen of later navragen.",
                "Nazorg: terugkomen bij de betrokkenen en waar nodig doorverwijzen.",
            ),
        ],
        "must_adapt": True,
        "files": ["pdf"],
    },
    {
        "title": "Casuskaarten grensoverschrijdend gedrag tijdens stages",
        "type": "scenariokaart",
        "steps": ["bewustzijn", "organisatie"],
        "summary": "Geanonimiseerde situaties uit de praktijk van stagebegeleiders, met "
        "gespreksvragen om te bespreken in een team of opleidingsoverleg.",
        "body": [
            paragraph(
                "Tijdens een stage valt een student onder twee organisaties. Daardoor is niet "
                "altijd duidelijk wie verantwoordelijk is als er iets misgaat. De kaarten zijn "
                "gebaseerd op echte situaties die instellingen in het netwerk hebben gedeeld, "
                "zonder herleidbare details.",
            ),
            callout(
                "let-op",
                "Deze kaarten worden gedeeld onder TLP:GREEN: gebruik ze binnen je eigen "
                "instelling en het netwerk, niet daarbuiten.",
            ),
        ],
        "members_only": True,
    },
    {
        "title": "Nazorg na een ingrijpende melding",
        "type": "handleiding",
        "steps": ["continuiteit"],
        "summary": "Aandachtspunten voor de nazorg aan melders, beschuldigden en het team of de "
        "studiegroep na een ingrijpende melding van ongewenst gedrag.",
        "body": [
            paragraph(
                "Na een melding is de zaak voor de organisatie vaak afgerond, maar voor de "
                "betrokkenen niet. De handreiking beschrijft wat je kunt doen voor de melder, "
                "voor degene over wie gemeld is en voor de groep eromheen, en hoe je na een "
                "paar maanden terugkijkt of de situatie werkelijk is verbeterd.",
            ),
            callout(
                "tip",
                "Plan het nazorggesprek meteen bij het afronden van de melding in de agenda, "
                "dan schiet het er niet bij in.",
            ),
        ],
        "other_themes": ["crisisbeheersing"],
    },
]
