"""The home page text, the index pages and the standard pages (about, privacy, …)."""

from demo.stream import callout, heading, paragraph, steps

HOME = {
    "intro": "Universiteiten en hogescholen werken samen aan een veilige, open en integere "
    "leer- en werkomgeving. Hier vind je de instrumenten, kennis en collega's daarvoor.",
    "body": [
        paragraph(
            "Op dit platform delen veiligheidsprofessionals uit het hoger onderwijs wat werkt: "
            "stappenplannen, normenkaders, voorbeelddocumenten en trainingen die elke "
            "instelling vrij mag gebruiken. Kies een thema en zie per processtap welke "
            "instrumenten er zijn, van risicoanalyse tot nazorg na een incident.",
        ),
        callout(
            "tip",
            "Ben je werkzaam bij een universiteit of hogeschool? Maak een account aan met je "
            "e-mailadres van de instelling. Leden zien ook de instrumenten die alleen binnen "
            "het netwerk worden gedeeld.",
        ),
    ],
}

# "key" tells the seed command which page type to use.
INDEX_PAGES = [
    {
        "key": "themes",
        "title": "Thema's",
        "slug": "themas",
        "intro": "Elk veiligheidsthema doorloopt dezelfde vijf processtappen. Kies een thema "
        "om te zien welke instrumenten er per stap zijn.",
    },
    {
        "key": "instruments",
        "title": "Instrumenten",
        "slug": "instrumenten",
        "intro": "Alle instrumenten van het platform. Filter op thema, processtap en type; de "
        "adresbalk onthoudt je keuze, zodat je het overzicht kunt delen.",
    },
    {
        "key": "news",
        "title": "Nieuws",
        "slug": "nieuws",
        "intro": "Nieuwe instrumenten, terugblikken op bijeenkomsten en ontwikkelingen in "
        "de sector.",
    },
    {
        "key": "events",
        "title": "Agenda",
        "slug": "agenda",
        "intro": "Themadagen, netwerkoverleggen en de jaarlijkse conferentie. Sommige "
        "bijeenkomsten zijn alleen voor leden.",
    },
]

ABOUT = {
    "title": "Over IV-HO",
    "slug": "over-iv-ho",
    "show_in_menus": True,
    "intro": "Integrale Veiligheid Hoger Onderwijs (IV-HO) is het platform waarop "
    "universiteiten en hogescholen samen werken aan veiligheid.",
    "body": [
        paragraph(
            "IV-HO begon als programma en is uitgegroeid tot een vast platform, gedragen door "
            "de koepels van universiteiten en hogescholen en het ministerie dat over onderwijs "
            "gaat. Het platform is van en voor de instellingen: professionals bepalen samen "
            "welke onderwerpen aandacht vragen.",
        ),
        heading("Drie pijlers"),
        steps(
            ("Leren van elkaar", "Collega's delen ervaringen, aanpakken en fouten, in "
             "werkgroepen, op themadagen en in het netwerkoverleg."),
            ("Instrumenten", "Het platform verzamelt en ontwikkelt gratis instrumenten die "
             "elke instelling mag overnemen, soms na invullen of aanpassen."),
            ("Zelfevaluatie", "Instellingen beoordelen hun eigen volwassenheid en werken in "
             "een cyclus van plannen, doen, controleren en bijsturen."),
        ),
        callout(
            "let-op",
            "Honderd procent veiligheid bestaat niet. Het doel is dat een instelling risico's "
            "bewust kiest en beheerst. Elk college van bestuur blijft verantwoordelijk voor de "
            "veiligheid binnen de eigen instelling.",
        ),
    ],
}

PRIVACY = {
    "title": "Privacyverklaring",
    "slug": "privacyverklaring",
    "show_in_menus": False,
    "intro": "Welke persoonsgegevens dit platform verwerkt, waarom, hoe lang, en wat je "
    "rechten zijn.",
    # The part on what each part of the platform keeps is not written here: the page
    # builds it from the same registry that drives the data download and erasure.
    "body": [
        heading("Wie is verantwoordelijk"),
        paragraph(
            "Het platform IV-HO is verantwoordelijk voor de verwerking van de gegevens op "
            "deze pagina. Vragen over privacy stel je aan privacy@ivho.example.",
        ),
        heading("Bezoekers"),
        paragraph(
            "Voor het lezen van openbare pagina's hoef je niets over jezelf te vertellen. We "
            "gebruiken geen analyse- of trackingsoftware en geen advertentienetwerken. De site "
            "laadt geen lettertypen, scripts, video's of andere onderdelen van andere partijen: "
            "alles komt van onze eigen server, dus je bezoek wordt niet aan derden doorgegeven.",
            "We plaatsen alleen cookies die nodig zijn om de site te laten werken: een "
            "sessiecookie als je inlogt, een cookie dat formulieren beschermt tegen misbruik, "
            "en na het inloggen een cookie dat onthoudt dat je deze browser eerder gebruikte "
            "(zie 'Beveiliging van inloggen' hieronder).",
        ),
        heading("Je rechten"),
        paragraph(
            "Je mag de gegevens die we over je hebben inzien, laten verbeteren of laten "
            "verwijderen, en bezwaar maken tegen een verwerking. Met een account doe je het "
            "downloaden en verwijderen zelf, onder 'Mijn gegevens'; voor al het andere stuur "
            "je een bericht naar privacy@ivho.example. Ben je het niet eens met hoe we met je "
            "gegevens omgaan, dan kun je een klacht indienen bij de Autoriteit "
            "Persoonsgegevens.",
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Toegankelijkheidsverklaring",
    "slug": "toegankelijkheidsverklaring",
    "show_in_menus": False,
    "intro": "Iedereen moet dit platform kunnen gebruiken, ook met een beperking of met "
    "hulpsoftware.",
    "body": [
        paragraph(
            "Deze site streeft naar conformiteit met de Web Content Accessibility Guidelines "
            "(WCAG) 2.1 op niveau AA. Dat betekent onder meer: alle functies werken met het "
            "toetsenbord, teksten hebben voldoende contrast, afbeeldingen hebben een "
            "tekstalternatief en formulieren geven duidelijke foutmeldingen.",
        ),
        heading("Wat nog niet goed gaat"),
        paragraph(
            "Bijlagen die instellingen aanleveren, zoals pdf-bestanden en Word-documenten, zijn "
            "niet altijd volledig toegankelijk. We vragen aanleveraars om toegankelijke "
            "bestanden en zetten de kern van elk instrument ook op de pagina zelf.",
        ),
        heading("Probleem gevonden?"),
        paragraph(
            "Loop je tegen een drempel aan, meld het dan via toegankelijkheid@ivho.example. "
            "We reageren binnen vijf werkdagen en laten weten wanneer het is opgelost.",
        ),
    ],
}

CONTACT = {
    "title": "Contact",
    "slug": "contact",
    "show_in_menus": False,
    "intro": "Vragen over het platform, een instrument of je account? De redactie helpt je "
    "verder.",
    "body": [
        paragraph(
            "Je bereikt de redactie via redactie@ivho.example. We reageren op werkdagen binnen "
            "twee dagen.",
            "Heb je een instrument dat andere instellingen ook kunnen gebruiken? Stuur het op; "
            "we bekijken samen met de werkgroep van het thema of het in de kennisbank past.",
        ),
        callout(
            "let-op",
            "Meld via dit adres geen acute incidenten of persoonlijke meldingen. Daarvoor kun "
            "je terecht bij de meldpunten en vertrouwenspersonen van je eigen instelling, of "
            "bel bij direct gevaar 112.",
        ),
    ],
}

# In this order: "Over IV-HO" joins the menu, the other two sit in the footer (beside
# the privacy statement, a page type of its own: community.privacy).
STANDARD_PAGES = [ABOUT, ACCESSIBILITY, CONTACT]
