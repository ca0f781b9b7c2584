from demo.stream import callout, heading, paragraph, steps

THEME = "kennisveiligheid"

INSTRUMENTS = [
    {
        "title": "Risicoanalyse internationale samenwerking",
        "type": "afwegingskader",
        "steps": ["risicomanagement"],
        "summary": "Vragen om vóór een nieuwe internationale samenwerking te bepalen of er "
        "kennisveiligheidsrisico's zijn, en zo ja, welke maatregelen passen.",
        "body": [
            paragraph(
                "Het kader kijkt naar drie dingen: de kennis of technologie waar het om gaat, de "
                "partner en het land waar die partner gevestigd is, en de manier van "
                "samenwerken. Bij de meeste samenwerkingen is de uitkomst dat er geen extra "
                "maatregelen nodig zijn; dan is het kader in een kwartier ingevuld.",
            ),
            steps(
                "Beschrijf de samenwerking en de betrokken kennis.",
                "Beoordeel de partner: eigendom, financiering, banden met overheid of leger.",
                "Bepaal het risico en kies maatregelen, of leg vast waarom die niet nodig zijn.",
                "Laat bij een hoog risico de adviescommissie meekijken.",
            ),
            callout(
                "tip",
                "Vul het kader in samen met de onderzoeker. Die kent de kennis en de partner het "
                "best, en het gesprek is vaak waardevoller dan het formulier.",
            ),
        ],
        "must_adapt": True,
        "files": ["docx"],
    },
    {
        "title": "Dreigingsbeelden statelijke actoren vertalen naar de eigen instelling",
        "type": "handleiding",
        "steps": ["risicomanagement"],
        "summary": "Hoe je openbare en vertrouwelijke dreigingsbeelden leest en vertaalt naar "
        "de onderzoeksgebieden en partners van je eigen instelling.",
        "body": [
            paragraph(
                "Nationale dreigingsbeelden zijn algemeen van aard. Deze handleiding helpt om ze "
                "te koppelen aan de eigen situatie: welke faculteiten werken aan gevoelige "
                "technologie, met welke landen bestaan veel banden, en waar zijn de "
                "afhankelijkheden groot?",
            ),
            callout(
                "let-op",
                "De voorbeelden in de bijbehorende werkbijeenkomst vallen onder de Chatham House "
                "Rule. Noem in verslagen geen namen of instellingen.",
            ),
        ],
        "members_only": True,
    },
    {
        "title": "Beleidskader kennisveiligheid",
        "type": "normenkader",
        "steps": ["beleid"],
        "summary": "De onderdelen die een instellingsbreed kennisveiligheidsbeleid minimaal "
        "bevat, met per onderdeel een toelichting en een voorbeeldformulering.",
        "body": [
            paragraph(
                "Het kader vraagt om een bestuurlijk eigenaar, een adviespunt voor onderzoekers, "
                "een procedure voor risicovolle samenwerkingen en afspraken over het delen van "
                "informatie met de overheid. Het laat ruimte voor eigen keuzes, bijvoorbeeld "
                "over de drempel waarboven een samenwerking moet worden getoetst.",
            ),
            callout(
                "tip",
                "Houd het beleid kort en zet de uitwerking in werkinstructies per faculteit. Zo "
                "past het bij de verschillen tussen vakgebieden.",
            ),
        ],
    },
    {
        "title": "Loket Kennisveiligheid raadplegen",
        "type": "verwijzing-ketenpartner",
        "steps": ["organisatie"],
        "summary": "Bij twijfel over een samenwerking, een partner of een land kunnen "
        "instellingen terecht bij het Loket Kennisveiligheid van de rijksoverheid.",
        "body": [
            paragraph(
                "Het loket beantwoordt vragen van instellingen en brengt ze waar nodig in "
                "contact met de juiste overheidsdiensten. Het advies is vertrouwelijk; de "
                "instelling blijft zelf verantwoordelijk voor het besluit.",
            ),
            callout(
                "voorbeeld",
                "Een universiteit legde een voorgenomen samenwerking op het gebied van "
                "sensortechnologie voor. Het loket wees op regels voor exportcontrole die de "
                "onderzoeksgroep nog niet kende.",
            ),
        ],
        "chain_partner": "Loket Kennisveiligheid",
    },
    {
        "title": "Toetsing van gastonderzoekers en promovendi uit het buitenland",
        "type": "stappenplan",
        "steps": ["organisatie", "risicomanagement"],
        "summary": "Een procedure om bij gevoelige onderzoeksgebieden vooraf te beoordelen of "
        "toegang van een gastonderzoeker of promovendus risico's meebrengt.",
        "body": [
            steps(
                ("Bepaal of de toetsing nodig is", "Alleen voor gebieden die de instelling als "
                 "gevoelig heeft aangemerkt."),
                ("Verzamel informatie", "Cv, financiering en het onderzoeksplan."),
                ("Beoordeel", "Door een kleine commissie, met de betrokken hoogleraar."),
                ("Besluit en leg vast", "Toegang, toegang met voorwaarden, of geen toegang."),
            ),
            callout(
                "let-op",
                "Beoordeel op de kennis en de financiering, nooit op nationaliteit alleen. Leg "
                "de afweging zorgvuldig vast.",
            ),
        ],
        "members_only": True,
    },
    {
        "title": "Bewustwordingssessie kennisveiligheid voor onderzoeksgroepen",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een sessie van negentig minuten voor onderzoeksgroepen, met presentatie, "
        "korte casussen en een checklist voor de eigen groep.",
        "body": [
            paragraph(
                "Veel onderzoekers zien kennisveiligheid als iets voor defensieonderzoek. De "
                "sessie laat met herkenbare voorbeelden zien dat ook medische, technische en "
                "maatschappelijke vakgebieden kwetsbaar kunnen zijn.",
            ),
            heading("Opbouw"),
            steps(
                "Tien minuten: waarom dit onderwerp, en waarom nu.",
                "Veertig minuten: drie casussen in kleine groepen.",
                "Dertig minuten: de checklist voor de eigen groep invullen.",
                "Tien minuten: wie is je aanspreekpunt binnen de instelling?",
            ),
        ],
        "files": ["pdf"],
    },
    {
        "title": "Reisadvies voor onderzoekers: apparatuur en gegevens",
        "type": "factsheet",
        "steps": ["bewustzijn"],
        "summary": "Wat een onderzoeker doet met laptop, telefoon en onderzoeksdata bij een "
        "reis naar een land met een verhoogd risico.",
        "body": [
            paragraph(
                "De factsheet adviseert om bij reizen naar bepaalde landen een schone leenlaptop "
                "mee te nemen, alleen de gegevens bij je te hebben die je nodig hebt en na "
                "terugkomst wachtwoorden te wijzigen. Ze bevat ook een lijstje met wat je doet "
                "als apparatuur wordt ingenomen.",
            ),
            callout(
                "tip",
                "Zorg dat de servicedesk leenapparatuur klaar heeft staan. Een advies dat niet "
                "uitvoerbaar is, wordt niet opgevolgd.",
            ),
        ],
        "other_themes": ["informatiebeveiliging", "internationalisering"],
    },
    {
        "title": "Eerste check exportcontrole en dual-use",
        "type": "afwegingskader",
        "steps": ["risicomanagement", "beleid"],
        "summary": "Vijf vragen om snel te zien of een onderzoeksproject onder de regels voor "
        "exportcontrole en goederen voor tweeërlei gebruik kan vallen.",
        "body": [
            paragraph(
                "Kennis en technologie die zowel civiel als militair bruikbaar zijn, vallen soms "
                "onder exportregels. Dat geldt ook voor het delen van kennis met een buitenlandse "
                "collega, niet alleen voor het verzenden van goederen. De check helpt om te zien "
                "wanneer je een specialist moet raadplegen.",
            ),
            callout(
                "let-op",
                "De check vervangt geen juridisch advies. Bij een 'ja' op een van de vragen "
                "schakel je de specialist exportcontrole van je instelling in.",
            ),
        ],
    },
]
