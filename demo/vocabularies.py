"""The snippets: process steps, instrument types and chain partners."""

# The five steps are the same for every theme; their order is the order of the cycle.
PROCESS_STEPS = [
    {
        "slug": "risicomanagement",
        "name": "Risicomanagement",
        "description": "Breng in kaart welke risico's je instelling loopt en hoe groot ze zijn, "
        "zodat je bewust kiest welke je aanpakt en welke je accepteert.",
    },
    {
        "slug": "beleid",
        "name": "Beleid",
        "description": "Leg vast wat de instelling wil bereiken, welke normen gelden en wie "
        "waarover beslist.",
    },
    {
        "slug": "organisatie",
        "name": "Organisatie",
        "description": "Beleg rollen, taken en procedures, en spreek af hoe je samenwerkt met "
        "ketenpartners buiten de instelling.",
    },
    {
        "slug": "bewustzijn",
        "name": "Bewustzijn",
        "description": "Zorg dat studenten en medewerkers de risico's herkennen en weten wat "
        "ze zelf kunnen doen.",
    },
    {
        "slug": "continuiteit",
        "name": "Continuïteit",
        "description": "Wees voorbereid op incidenten en crises, handel ze af en leer ervan "
        "voor de volgende ronde.",
    },
]

INSTRUMENT_TYPES = [
    {
        "slug": "normenkader",
        "name": "Normenkader",
        "description": "Een set eisen of uitgangspunten waaraan een instelling haar eigen "
        "aanpak kan toetsen.",
    },
    {
        "slug": "stappenplan",
        "name": "Stappenplan",
        "description": "Een procedure in genummerde stappen, van aanleiding tot afronding.",
    },
    {
        "slug": "handleiding",
        "name": "Handleiding",
        "description": "Uitleg en praktische adviezen om een onderwerp zelf op te pakken.",
    },
    {
        "slug": "voorbeelddocument",
        "name": "Voorbeelddocument",
        "description": "Een sjabloon of voorbeeldtekst die een instelling invult of aanpast "
        "aan de eigen situatie.",
    },
    {
        "slug": "training",
        "name": "Training",
        "description": "Materiaal voor een sessie, workshop of e-learning voor studenten of "
        "medewerkers.",
    },
    {
        "slug": "afwegingskader",
        "name": "Afwegingskader",
        "description": "Vragen en criteria die helpen een lastige beslissing zorgvuldig en "
        "navolgbaar te nemen.",
    },
    {
        "slug": "factsheet",
        "name": "Factsheet",
        "description": "Eén of twee pagina's met de kern van een onderwerp, om uit te delen "
        "of op te hangen.",
    },
    {
        "slug": "scenariokaart",
        "name": "Scenariokaart",
        "description": "Een uitgewerkte situatie om over te praten of mee te oefenen, met "
        "vragen voor de deelnemers.",
    },
    {
        "slug": "rapport",
        "name": "Rapport",
        "description": "De uitkomsten van een verkenning, enquête of analyse binnen de sector.",
    },
    {
        "slug": "verwijzing-ketenpartner",
        "name": "Verwijzing ketenpartner",
        "description": "Een instrument of dienst van een organisatie buiten de sector, met "
        "uitleg wanneer je die inschakelt.",
    },
]

# Looked up by name: ChainPartner has no slug. The websites are the partners' public sites.
CHAIN_PARTNERS = [
    {
        "name": "Politie",
        "website": "https://www.politie.nl",
        "description": "Voor aangifte, dreiging en acute onveiligheid; de wijkagent is vaak "
        "het eerste aanspreekpunt voor een campus.",
    },
    {
        "name": "NCTV",
        "website": "https://www.nctv.nl",
        "description": "De Nationaal Coördinator Terrorismebestrijding en Veiligheid "
        "publiceert dreigingsbeelden en ondersteunt bij radicalisering en statelijke "
        "dreigingen.",
    },
    {
        "name": "CCV",
        "website": "https://hetccv.nl",
        "description": "Het Centrum voor Criminaliteitspreventie en Veiligheid deelt kennis "
        "over preventie, beveiliging en brandveiligheid.",
    },
    {
        "name": "SURF",
        "website": "https://www.surf.nl",
        "description": "De ict-coöperatie van het onderwijs en onderzoek; onder meer actief op "
        "informatiebeveiliging, audits en een gezamenlijk normenkader.",
    },
    {
        "name": "Loket Kennisveiligheid",
        "website": "https://www.loketkennisveiligheid.nl",
        "description": "Het rijksloket waar instellingen terechtkunnen met vragen over "
        "risico's van internationale samenwerking in onderwijs en onderzoek.",
    },
    {
        "name": "Autoriteit Persoonsgegevens",
        "website": "https://www.autoriteitpersoonsgegevens.nl",
        "description": "De toezichthouder op de bescherming van persoonsgegevens; hier meld "
        "je een datalek dat gemeld moet worden.",
    },
    {
        "name": "NIPV",
        "website": "https://www.nipv.nl",
        "description": "Het Nederlands Instituut Publieke Veiligheid ontwikkelt kennis over "
        "crisisbeheersing, oefenen en brandveiligheid.",
    },
]
