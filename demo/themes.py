"""The safety themes. `owner` is the working group that maintains a theme's instruments."""

from demo.stream import callout, heading, paragraph, quote

THEMES = [
    {
        "slug": "sociale-veiligheid",
        "title": "Sociale veiligheid",
        "short_name": "Sociale veiligheid",
        "owner": "Werkgroep Sociale Veiligheid IV-HO",
        "intro": "Een omgeving waarin studenten en medewerkers zich veilig voelen en "
        "ongewenst gedrag kunnen melden, zonder angst voor de gevolgen.",
        "body": [
            paragraph(
                "Intimidatie, discriminatie, pesten en seksueel grensoverschrijdend gedrag komen "
                "ook in het hoger onderwijs voor: in de collegezaal, tijdens een stage, in een "
                "onderzoeksgroep of online. Sociale veiligheid gaat over voorkomen, over "
                "laagdrempelig kunnen melden en over zorgvuldig afhandelen.",
            ),
            callout(
                "tip",
                "Begin met de vraag wie een student of medewerker als eerste benadert bij een "
                "probleem. Vaak is dat niet de vertrouwenspersoon, maar een docent of "
                "leidinggevende. Zorg dat ook zij weten wat ze moeten doen.",
            ),
        ],
    },
    {
        "slug": "informatiebeveiliging",
        "title": "Informatiebeveiliging en cybersecurity",
        "short_name": "Cybersecurity",
        "owner": "Werkgroep Informatiebeveiliging IV-HO",
        "intro": "Systemen, data en onderzoek beschermen tegen hacks, ransomware, phishing "
        "en datalekken, en snel herstellen als het toch misgaat.",
        "body": [
            paragraph(
                "Instellingen in het hoger onderwijs zijn een aantrekkelijk doelwit: open "
                "netwerken, duizenden wisselende gebruikers en waardevolle onderzoeksdata. "
                "Informatiebeveiliging is daarom geen zaak van de ict-afdeling alleen, maar van "
                "bestuur, proceseigenaren en iedere gebruiker.",
            ),
            heading("Samen sterker"),
            paragraph(
                "Instellingen toetsen zich aan een gezamenlijk normenkader en leren van elkaars "
                "audits en incidenten. De instrumenten hieronder helpen bij elke stap, van "
                "risicoanalyse tot herstel na een aanval.",
            ),
        ],
    },
    {
        "slug": "kennisveiligheid",
        "title": "Kennisveiligheid",
        "short_name": "Kennisveiligheid",
        "owner": "Werkgroep Kennisveiligheid IV-HO",
        "intro": "Open blijven samenwerken met partners over de hele wereld, en tegelijk "
        "voorkomen dat gevoelige kennis ongewenst weglekt.",
        "body": [
            paragraph(
                "Internationale samenwerking is de kern van goed onderwijs en onderzoek. Soms "
                "brengt die samenwerking risico's mee: kennis die militair kan worden ingezet, "
                "beïnvloeding door andere staten, of afhankelijkheid van één financier. "
                "Kennisveiligheid betekent dat je die risico's vooraf herkent en er bewust mee "
                "omgaat.",
            ),
            quote(
                "Zo open als mogelijk, zo beschermd als nodig: dat geldt voor een "
                "samenwerkingsverband net zo goed als voor een dataset.",
                "Uit een werkbijeenkomst van het netwerk",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy en bescherming persoonsgegevens",
        "short_name": "Privacy",
        "owner": "Werkgroep Privacy IV-HO",
        "intro": "Zorgvuldig omgaan met de persoonsgegevens van studenten, medewerkers en "
        "onderzoeksdeelnemers, zoals de AVG vraagt.",
        "body": [
            paragraph(
                "Een instelling verwerkt veel gevoelige gegevens: studieresultaten, "
                "gezondheidsinformatie voor studievoorzieningen, personeelsdossiers en "
                "onderzoeksdata. Privacy vraagt om heldere afspraken over doel, toegang en "
                "bewaartermijnen, en om een goede samenwerking tussen privacyfunctionaris, "
                "informatiebeveiliging en het primaire proces.",
            ),
            callout(
                "let-op",
                "Een datalek moet je soms binnen 72 uur melden bij de toezichthouder. Zorg dat "
                "de meldroute ook in vakanties en weekenden werkt.",
            ),
        ],
    },
    {
        "slug": "integriteit",
        "title": "Integriteit",
        "short_name": "Integriteit",
        "owner": "Werkgroep Integriteit IV-HO",
        "intro": "Eerlijk en zorgvuldig handelen in onderwijs, onderzoek en bedrijfsvoering, "
        "en een veilige route voor wie een misstand vermoedt.",
        "body": [
            paragraph(
                "Integriteit raakt aan veel onderwerpen: belangenverstrengeling, "
                "nevenwerkzaamheden, omgang met geschenken, fraude en de integriteit van "
                "wetenschappelijk onderzoek. Regels zijn nodig, maar het gesprek over dilemma's "
                "is minstens zo belangrijk.",
            ),
            heading("Melden zonder risico"),
            paragraph(
                "Wie een misstand vermoedt, moet dat veilig kunnen melden. Een goede "
                "klokkenluidersregeling, onafhankelijke vertrouwenspersonen en een zorgvuldige "
                "onderzoeksprocedure horen bij elkaar.",
            ),
        ],
    },
    {
        "slug": "zorgwekkend-gedrag",
        "title": "Radicalisering en zorgwekkend gedrag",
        "short_name": "Zorgwekkend gedrag",
        "owner": "Werkgroep Zorgwekkend Gedrag IV-HO",
        "intro": "Signalen van radicalisering, dreiging of ernstige psychische nood op tijd "
        "herkennen, bespreken en doorverwijzen.",
        "body": [
            paragraph(
                "Soms baart het gedrag van een student of medewerker zorgen: dreigende "
                "uitspraken, plotselinge isolatie, extreme denkbeelden of verward gedrag. De "
                "meeste zorgen blijken ongegrond of vragen om hulp, niet om "
                "veiligheidsmaatregelen. Een vaste werkwijze helpt om rustig, zorgvuldig en met "
                "oog voor privacy te handelen.",
            ),
            callout(
                "tip",
                "Spreek vooraf met gemeente en politie af wie je belt bij twijfel. In een acute "
                "situatie is er geen tijd om dat uit te zoeken.",
            ),
        ],
    },
    {
        "slug": "fysieke-veiligheid",
        "title": "Fysieke veiligheid en BHV",
        "short_name": "Fysieke veiligheid",
        "owner": "Werkgroep Fysieke Veiligheid en BHV IV-HO",
        "intro": "Veilige gebouwen en terreinen: brandveiligheid, bedrijfshulpverlening, "
        "toegangsbeheer en beveiliging.",
        "body": [
            paragraph(
                "Campussen zijn open en druk, met laboratoria, studentenhuisvesting en "
                "evenementen. Fysieke veiligheid gaat over voorkomen dat er iets misgaat en over "
                "goed handelen als het toch gebeurt: een ontruiming, een ongeval of een "
                "inbraak.",
            ),
            callout(
                "voorbeeld",
                "Een hogeschool liet studenten van een opleiding veiligheidskunde de "
                "ontruimingsoefening observeren. Hun verslag leverde meer verbeterpunten op dan "
                "de vaste evaluatie van de jaren ervoor.",
            ),
        ],
    },
    {
        "slug": "crisisbeheersing",
        "title": "Crisisbeheersing",
        "short_name": "Crisisbeheersing",
        "owner": "Netwerk crisiscoördinatoren hoger onderwijs",
        "intro": "Voorbereid zijn op een crisis, er goed doorheen komen en er samen van "
        "leren.",
        "body": [
            paragraph(
                "Een brand, een cyberaanval, een dreiging of het overlijden van een student: een "
                "crisis laat zich niet plannen. Wat wel kan, is vooraf regelen wie beslist, wie "
                "communiceert en hoe je de continuïteit van onderwijs en onderzoek bewaakt.",
            ),
            heading("Oefenen is de kern"),
            paragraph(
                "Een crisisplan werkt pas als de mensen erin het kennen. Regelmatig oefenen, met "
                "wisselende scenario's en wisselende bezetting, maakt het verschil.",
            ),
        ],
    },
    {
        "slug": "internationalisering",
        "title": "Internationalisering",
        "short_name": "Internationalisering",
        "owner": "Werkgroep Internationalisering IV-HO",
        "intro": "De veiligheid van studenten en medewerkers die naar het buitenland gaan, en "
        "van internationale studenten die naar Nederland komen.",
        "body": [
            paragraph(
                "Duizenden studenten en medewerkers reizen elk jaar voor stage, studie, "
                "veldwerk of een congres. De instelling heeft een zorgplicht: weten wie waar is, "
                "goed voorbereiden en kunnen helpen als er iets gebeurt.",
            ),
            callout(
                "tip",
                "Neem ook internationale studenten in Nederland mee. Zij kennen de weg naar hulp "
                "vaak minder goed en lopen eerder vast bij huisvesting of een noodsituatie.",
            ),
        ],
    },
]
