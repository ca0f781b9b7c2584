from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory
from allauth.account.models import EmailAddress

PASSWORD = "veilig-wachtwoord-123"


class UserFactory(factory.django.DjangoModelFactory):
    """An account with a verified primary e-mail address, able to log in."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    first_name = "Sanne"
    last_name = factory.Sequence(lambda n: f"de Vries {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*[Group.objects.get(name=name) for name in extracted])


class MemberFactory(UserFactory):
    """A member of the network: may see members-only content."""

    groups = ["Leden"]


class EditorFactory(UserFactory):
    """An editor in the Wagtail admin who may also publish."""

    groups = ["Redacteuren", "Eindredactie"]
