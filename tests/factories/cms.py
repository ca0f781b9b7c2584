from django.utils import timezone

import factory
import wagtail_factories

from cms import models


class ProcessStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ProcessStep
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stap {n}")
    slug = factory.Sequence(lambda n: f"stap-{n}")
    sort_order = factory.Sequence(int)


class InstrumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.InstrumentType
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")
    sort_order = factory.Sequence(int)


class ThemePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ThemePage

    title = factory.Sequence(lambda n: f"Thema {n}")
    intro = "Een veiligheidsthema."


class InstrumentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.InstrumentPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Instrument {n}")
    summary = "Een bruikbaar instrument voor instellingen."
    instrument_type = factory.SubFactory(InstrumentTypeFactory)

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        if create:
            self.steps.set(extracted or [ProcessStepFactory()])
            self.save()

    @factory.post_generation
    def other_themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.other_themes.set(extracted)
            self.save()


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.NewsPage

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    intro = "Kort nieuws."
    date = factory.LazyFunction(timezone.localdate)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.StandardPage

    title = factory.Sequence(lambda n: f"Pagina {n}")
