import factory

from community.members.models import Institution, InstitutionDomain


class InstitutionFactory(factory.django.DjangoModelFactory):
    """An institution with one e-mail domain: InstitutionFactory(domains=["hva.example"])."""

    class Meta:
        model = Institution
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Hogeschool Voorbeeldstad {n}")
    short_name = factory.Sequence(lambda n: f"HV{n}")
    slug = factory.Sequence(lambda n: f"voorbeeldstad-{n}")
    kind = Institution.Kind.UNIVERSITY_OF_APPLIED_SCIENCES

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if not create:
            return
        names = [f"{self.slug}.example"] if extracted is None else extracted
        for name in names:
            InstitutionDomain.objects.create(institution=self, domain=name)

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create and extracted:
            self.contacts.add(*extracted)
