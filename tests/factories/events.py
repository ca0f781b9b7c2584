import datetime

from django.utils import timezone

import factory
import wagtail_factories

from community.events.models import EventPage, Registration


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    location_name = "Utrecht"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration, written directly (no seat check, no mail).

    For tests that need existing registrations; tests of the rules go through
    community.events.services.
    """

    class Meta:
        model = Registration

    event = None  # always pass one: RegistrationFactory(event=page)
    user = None
    name = factory.LazyAttribute(
        lambda o: o.user.get_full_name() if o.user else "Gast Voorbeeld"
    )
    email = factory.LazyAttributeSequence(
        lambda o, n: o.user.email if o.user else f"gast{n}@example.org"
    )
    institution = factory.LazyAttribute(
        lambda o: o.user.profile.institution if o.user else None
    )
    institution_name = factory.LazyAttribute(
        lambda o: o.institution.name if o.institution else "Gemeente Voorbeeldstad"
    )
    status = Registration.Status.CONFIRMED
