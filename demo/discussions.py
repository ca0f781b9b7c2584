"""Demo discussions on a few instruments: how members talk shop with each other."""

THREADS = [
    {
        "instrument": "Sjabloon gegevensbeschermingseffectbeoordeling (DPIA)",
        "author": "lid@tue.example",
        "text": (
            "Wij gebruiken dit sjabloon nu een half jaar. Tip: laat de proceseigenaar "
            "de eerste versie invullen en plan daarna pas een sessie met de privacy officer. "
            "Dat scheelt veel heen-en-weer."
        ),
        "replies": [
            {
                "author": "lid@hva.example",
                "text": (
                    "Herkenbaar. Bij ons hielp het om vooraf een korte *pre-scan* te doen: "
                    "is een volledige DPIA echt nodig, of volstaat een lichte toets?"
                ),
            },
            {
                "author": "lid@rug.example",
                "text": "Hebben jullie die pre-scan ergens beschreven? Ik zou hem graag zien.",
            },
        ],
    },
    {
        "instrument": "Risicoanalyse internationale samenwerking",
        "author": "lid@rug.example",
        "text": (
            "Hoe gaan jullie om met samenwerkingen die al lopen? Wij willen niet alleen "
            "nieuwe aanvragen toetsen, maar hebben geen capaciteit om alles tegelijk te "
            "herzien."
        ),
        "replies": [
            {
                "author": "lid@saxion.example",
                "text": (
                    "Wij zijn begonnen met een eenvoudige prioritering:\n"
                    "- onderzoeksgebied op de lijst van gevoelige technologie\n"
                    "- partner uit een land met een verhoogd risico\n"
                    "- toegang tot bijzondere faciliteiten\n\n"
                    "Alleen wat op twee van de drie scoort, pakken we dit jaar op."
                ),
            },
        ],
    },
    {
        "instrument": "Procedure datalekken binnen de instelling",
        "author": "lid@saxion.example",
        "text": (
            "Goede procedure. Eén aanvulling uit onze praktijk: leg ook vast wie buiten "
            "kantoortijd beslist over een melding bij de Autoriteit Persoonsgegevens. "
            "De 72 uur lopen in het weekend gewoon door."
        ),
        "replies": [],
    },
]
