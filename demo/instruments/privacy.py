from demo.stream import callout, heading, paragraph, steps

THEME = "privacy"

INSTRUMENTS = [
    {
        "title": "Sjabloon gegevensbeschermingseffectbeoordeling (DPIA)",
        "type": "voorbeelddocument",
        "steps": ["risicomanagement"],
        "summary": "Een sjabloon voor een DPIA, toegespitst op het hoger onderwijs, met "
        "voorbeeldantwoorden voor een digitaal toetsplatform.",
        "body": [
            paragraph(
                "Een DPIA is verplicht als een verwerking een hoog risico voor betrokkenen kan "
                "opleveren, zoals bij online proctoring of het koppelen van studiegegevens voor "
                "learning analytics. Het sjabloon volgt de vaste onderdelen: beschrijving, "
                "noodzaak en evenredigheid, risico's en maatregelen.",
            ),
            callout(
                "voorbeeld",
                "Bij het voorbeeld van het toetsplatform leidde de DPIA tot een kortere "
                "bewaartermijn voor beeldopnamen en een alternatief voor studenten die bezwaar "
                "maken.",
            ),
        ],
        "must_adapt": True,
        "files": ["docx"],
    },
    {
        "title": "Voorbeeld privacyreglement studenten en medewerkers",
        "type": "voorbeelddocument",
        "steps": ["beleid"],
        "summary": "Een voorbeeldreglement dat beschrijft welke gegevens de instelling "
        "verwerkt, waarvoor, hoe lang, en hoe betrokkenen hun rechten uitoefenen.",
        "body": [
            paragraph(
                "Het reglement is geschreven in begrijpelijke taal en heeft een bijlage met "
                "bewaartermijnen voor veelvoorkomende gegevens, van tentamenuitslagen tot "
                "camerabeelden. Pas de bijlage aan op de eigen systemen en afspraken.",
            ),
            callout(
                "tip",
                "Maak naast het reglement een korte versie van één pagina voor op de website: "
                "die wordt wel gelezen.",
            ),
        ],
        "must_adapt": True,
    },
    {
        "title": "Register van verwerkingen opzetten en bijhouden",
        "type": "stappenplan",
        "steps": ["organisatie"],
        "summary": "In zes stappen naar een register van verwerkingsactiviteiten dat klopt en "
        "actueel blijft, met een invulblad als startpunt.",
        "body": [
            steps(
                "Maak een lijst van processen per dienst en faculteit.",
                "Wijs per proces een eigenaar aan.",
                "Beschrijf per verwerking doel, grondslag, gegevens en bewaartermijn.",
                "Leg vast welke verwerkers betrokken zijn en of er een overeenkomst is.",
                "Laat de privacyfunctionaris het register toetsen.",
                "Plan een jaarlijkse controle met de proceseigenaren.",
            ),
            callout(
                "tip",
                "Koppel het register aan het overzicht van informatiesystemen, dan hoef je "
                "gegevens maar op één plek bij te houden.",
            ),
        ],
        "files": ["xlsx"],
        "other_themes": ["informatiebeveiliging"],
    },
    {
        "title": "Datalekken melden bij de Autoriteit Persoonsgegevens",
        "type": "verwijzing-ketenpartner",
        "steps": ["continuiteit"],
        "summary": "Wanneer een datalek gemeld moet worden bij de toezichthouder, en waar je "
        "het meldformulier en de uitleg vindt.",
        "body": [
            paragraph(
                "Niet elk datalek hoeft gemeld te worden. De toezichthouder legt op haar site "
                "uit welke afweging je maakt en binnen welke termijn je meldt. Gebruik die "
                "uitleg naast de eigen procedure van de instelling.",
            ),
            callout(
                "let-op",
                "Documenteer ook de datalekken die je niet meldt, met de reden waarom niet.",
            ),
        ],
        "chain_partner": "Autoriteit Persoonsgegevens",
    },
    {
        "title": "Procedure datalekken binnen de instelling",
        "type": "stappenplan",
        "steps": ["continuiteit", "organisatie"],
        "summary": "Van ontdekking tot afronding: wie wat doet bij een mogelijk datalek, met "
        "termijnen en een meldformulier voor medewerkers.",
        "body": [
            steps(
                ("Melden", "Iedere medewerker meldt een mogelijk lek direct bij het "
                 "centrale meldpunt, ook buiten kantoortijd."),
                ("Beoordelen", "Privacy en informatiebeveiliging schatten samen de ernst in."),
                ("Beperken", "Neem maatregelen om verdere schade te voorkomen."),
                ("Melden aan toezichthouder en betrokkenen", "Als dat nodig is, binnen de "
                 "wettelijke termijn."),
                ("Evalueren", "Leg vast wat er gebeurde en wat er verandert."),
            ),
            callout(
                "tip",
                "Oefen de procedure eens per jaar met een verzonnen lek, bijvoorbeeld een "
                "cijferlijst die per ongeluk naar de verkeerde groep is gemaild.",
            ),
        ],
        "other_themes": ["informatiebeveiliging"],
    },
    {
        "title": "E-learning privacy voor docenten",
        "type": "training",
        "steps": ["bewustzijn"],
        "summary": "Een e-learning van twintig minuten over privacy in de dagelijkse praktijk "
        "van docenten: cijferlijsten, groepsapps, stagegegevens en online lessen.",
        "body": [
            paragraph(
                "De module werkt met korte situaties en meerkeuzevragen. Docenten krijgen direct "
                "uitleg bij hun antwoord. De module is vrij te gebruiken in de eigen "
                "leeromgeving.",
            ),
            heading("Onderwerpen"),
            paragraph(
                "Cijfers delen met de klas, studenten in een groepsapp, gegevens van "
                "stagebedrijven, opnames van online lessen en het gebruik van nieuwe online "
                "tools in het onderwijs.",
            ),
        ],
        "must_adapt": True,
    },
    {
        "title": "Afwegingskader camera's op de campus",
        "type": "afwegingskader",
        "steps": ["beleid"],
        "summary": "Vragen om te bepalen of cameratoezicht op een bepaalde plek nodig en "
        "evenredig is, en welke afspraken over kijken en bewaren daarbij horen.",
        "body": [
            paragraph(
                "Camera's kunnen helpen bij veiligheid, maar raken aan de privacy van iedereen "
                "die langsloopt. Het kader vraagt eerst naar het probleem en naar minder "
                "ingrijpende alternatieven, en pas daarna naar de camera.",
            ),
            callout(
                "tip",
                "Betrek de medezeggenschap vroeg. Zij stellen dezelfde vragen als het kader, en "
                "beter in de voorbereiding dan achteraf.",
            ),
        ],
        "other_themes": ["fysieke-veiligheid"],
    },
]
