"""Network meetings. Dates are `days_from_today`; times are wall-clock times in Amsterdam.

Three lie in the past and three ahead, whenever the command runs. Those ahead take
registrations through the platform (`registration`, `questions`); the crisis
exercise is full, with a waitlist, and runs under the Chatham House Rule; the
conference is also open to guests. `demo_registrations` are written once, when
the event has none yet (no mail is sent for them).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.events.models import EventPage, Registration, RegistrationQuestion
from community.members.models import Profile
from demo.stream import callout, paragraph, steps

MEETING_LINK = "https://vergaderen.ivho.example/"

EVENTS = [
    {
        "slug": "themadag-sociale-veiligheid",
        "title": "Themadag sociale veiligheid",
        "days_from_today": -14,
        "start": "10:00",
        "end": "16:00",
        "format": "on_site",
        "location_name": "Congrescentrum De Werf",
        "address": "Werfkade 1, Utrecht",
        "intro": "Een dag over melden, vertrouwenspersonen en de rol van omstanders, voor "
        "iedereen die met sociale veiligheid bezig is.",
        "body": [
            paragraph(
                "In de ochtend vertellen drie instellingen hoe zij het melden van ongewenst "
                "gedrag makkelijker hebben gemaakt. In de middag oefenen deelnemers met "
                "omstanderinterventie.",
            ),
            callout(
                "let-op",
                "De casussen van de ochtend worden besproken onder de Chatham House Rule.",
            ),
        ],
        "themes": ["sociale-veiligheid"],
    },
    {
        "slug": "netwerkoverleg-managers-integrale-veiligheid",
        "title": "Netwerkoverleg managers integrale veiligheid",
        "days_from_today": -35,
        "start": "10:00",
        "end": "11:30",
        "format": "online",
        "online_url": MEETING_LINK + "netwerkoverleg",
        "intro": "Het vaste online overleg van de managers integrale veiligheid: actuele "
        "ontwikkelingen, vragen aan elkaar en de agenda van het platform.",
        "body": [
            paragraph(
                "Het overleg is alleen voor leden in de rol van manager of coördinator "
                "integrale veiligheid. De organisatie stuurt de deelnemers de link.",
            ),
            callout(
                "let-op",
                "Wat in het overleg wordt gedeeld, valt onder TLP:AMBER tenzij de inbrenger "
                "anders aangeeft.",
            ),
        ],
        "themes": [],
    },
    {
        "slug": "werkbijeenkomst-risicoanalyse-kennisveiligheid",
        "title": "Werkbijeenkomst risicoanalyse kennisveiligheid",
        "days_from_today": -70,
        "start": "13:00",
        "end": "16:30",
        "format": "hybrid",
        "location_name": "Vergaderlocatie Stationsplein",
        "address": "Stationsplein 5, Amersfoort",
        "online_url": MEETING_LINK + "kennisveiligheid",
        "intro": "Aan de slag met de risicoanalyse voor internationale samenwerking, met "
        "voorbeelden uit verschillende vakgebieden.",
        "body": [
            paragraph(
                "Deelnemers brengen een eigen samenwerking mee, geanonimiseerd, en lopen die "
                "samen met collega's door aan de hand van het afwegingskader.",
            ),
            steps(
                "Korte introductie op het afwegingskader.",
                "In groepjes: drie samenwerkingen doorlopen.",
                "Plenair: waar liep je tegenaan, en wat moet beter aan het kader?",
            ),
        ],
        "themes": ["kennisveiligheid"],
    },
    {
        "slug": "online-spreekuur-privacy-en-informatiebeveiliging",
        "title": "Online spreekuur privacy en informatiebeveiliging",
        "days_from_today": 9,
        "start": "15:00",
        "end": "16:00",
        "format": "online",
        "online_url": MEETING_LINK + "spreekuur",
        "intro": "Een uur om vragen voor te leggen aan ervaren privacyfunctionarissen en "
        "security officers uit het netwerk.",
        "body": [
            paragraph(
                "Stuur je vraag vooraf in, dan kunnen de deskundigen zich voorbereiden. Vragen "
                "tijdens het spreekuur zijn ook welkom.",
            ),
            callout(
                "tip",
                "Ben je nieuw in je functie? Dit spreekuur is een laagdrempelige manier om "
                "collega's te leren kennen.",
            ),
        ],
        "themes": ["privacy", "informatiebeveiliging"],
        "registration": {"registration_enabled": True},
        "questions": [
            {
                "label": "Je vraag vooraf",
                "help_text": "Niet verplicht. Noem geen namen of andere herleidbare gegevens.",
                "kind": "text",
            },
        ],
        "demo_registrations": [],
    },
    {
        "slug": "oefendag-crisisteams",
        "title": "Oefendag crisisteams",
        "days_from_today": 30,
        "start": "13:00",
        "end": "16:30",
        "format": "on_site",
        "location_name": "Oefencentrum Veiligheid",
        "address": "Trainingsweg 20, Zwolle",
        "intro": "Crisisteams van verschillende instellingen oefenen met hetzelfde scenario "
        "en leren van elkaars aanpak.",
        "body": [
            paragraph(
                "Elke instelling neemt een team van vijf tot zeven mensen mee. Na de oefening "
                "volgt een gezamenlijke nabespreking, begeleid door ervaren "
                "crisiscoördinatoren.",
            ),
            callout(
                "let-op",
                "Het scenario wordt vooraf niet bekendgemaakt. Deelname is alleen voor leden.",
            ),
        ],
        "themes": ["crisisbeheersing"],
        "chatham_house": True,
        "registration": {
            "registration_enabled": True,
            "capacity": 2,
            "max_per_institution": 1,
            "offer_hours": 48,
        },
        "questions": [
            {
                "label": "Je rol in het crisisteam",
                "kind": "choice",
                "choices": "Voorzitter\nSecretaris / logger\nCommunicatie\nLid",
                "required": True,
            },
        ],
        "demo_registrations": [
            {"email": "lid@tue.example", "status": "confirmed",
             "answers": [{"question": "Je rol in het crisisteam", "answer": "Voorzitter"}]},
            {"email": "lid@hva.example", "status": "confirmed",
             "answers": [{"question": "Je rol in het crisisteam", "answer": "Communicatie"}]},
            {"email": "lid@rug.example", "status": "waitlisted",
             "answers": [{"question": "Je rol in het crisisteam", "answer": "Lid"}]},
        ],
    },
    {
        "slug": "jaarconferentie-integrale-veiligheid-hoger-onderwijs",
        "title": "Jaarconferentie Integrale Veiligheid Hoger Onderwijs",
        "days_from_today": 58,
        "start": "09:30",
        "end": "17:00",
        "format": "hybrid",
        "location_name": "Congrescentrum De Werf",
        "address": "Werfkade 1, Utrecht",
        "online_url": MEETING_LINK + "jaarconferentie",
        "intro": "De jaarlijkse ontmoeting van iedereen die in het hoger onderwijs aan "
        "veiligheid werkt, dit jaar over samenwerking met ketenpartners.",
        "body": [
            paragraph(
                "Na de plenaire opening kies je twee van de twaalf werksessies. De dag sluit af "
                "met een gesprek tussen bestuurders van instellingen en ketenpartners.",
            ),
            paragraph(
                "De plenaire delen zijn ook online te volgen; de werksessies alleen op locatie.",
            ),
        ],
        "themes": [],
        "registration": {
            "registration_enabled": True,
            "open_to_guests": True,
            "capacity": 150,
            "max_per_institution": 12,
        },
        "questions": [
            {
                "label": "Eerste werksessie",
                "kind": "choice",
                "choices": "Samenwerken met politie en gemeente\nKennisveiligheid in de "
                "praktijk\nNazorg na een incident",
                "required": True,
            },
            {"label": "Dieetwensen of allergieën", "kind": "text"},
        ],
        "demo_registrations": [
            {"email": "lid@saxion.example", "status": "confirmed",
             "answers": [{"question": "Eerste werksessie",
                          "answer": "Nazorg na een incident"}]},
            {"guest": {"name": "Marloes Kok", "email": "m.kok@utrecht.example",
                       "institution_name": "Gemeente Utrecht"},
             "status": "confirmed",
             "answers": [{"question": "Eerste werksessie",
                          "answer": "Samenwerken met politie en gemeente"},
                         {"question": "Dieetwensen of allergieën", "answer": "Vegetarisch"}]},
        ],
    },
]


def registration_fields(item):
    """Extra page fields for a new demo event: its registration settings and questions."""
    return {
        **item.get("registration", {}),
        "chatham_house": item.get("chatham_house", False),
        "registration_questions": [
            RegistrationQuestion(sort_order=order, **question)
            for order, question in enumerate(item.get("questions", []))
        ],
    }


def seed_registrations(event_index, created):
    """Demo registrations, written directly and only for an event that has none yet."""
    for item in EVENTS:
        wanted = item.get("demo_registrations")
        event = EventPage.objects.child_of(event_index).filter(slug=item["slug"]).first()
        if not wanted or event is None or event.registrations.exists():
            continue
        now = timezone.now()
        for position, row in enumerate(wanted):
            if "guest" in row:
                person = {**row["guest"], "user": None, "institution": None}
            else:
                user = get_user_model().objects.filter(email=row["email"]).first()
                profile = Profile.objects.filter(user=user).select_related("institution").first()
                if profile is None:
                    continue
                person = {
                    "user": user, "name": profile.name, "email": user.email,
                    "institution": profile.institution,
                    "institution_name": profile.institution.name if profile.institution else "",
                }
            Registration.objects.create(
                event=event, status=row["status"], answers=row["answers"],
                waitlisted_at=(
                    now + timedelta(seconds=position)
                    if row["status"] == "waitlisted" else None
                ),
                **person,
            )
            created["aanmeldingen voor bijeenkomsten"] += 1
