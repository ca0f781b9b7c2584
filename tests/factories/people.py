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

    groups = factory.PostGeneration(lambda user, create, names, **_: add_groups(user, names))


def add_groups(user, names):
    """Post-generation: UserFactory(groups=["Leden"]) puts the user in those groups."""
    if names:
        user.groups.add(*[Group.objects.get(name=name) for name in names])


class MemberFactory(UserFactory):
    """A member of the network: may see members-only content."""

    groups = factory.PostGeneration(
        lambda user, create, names, **_: add_groups(user, ["Leden"] if names is None else names)
    )


class EditorFactory(UserFactory):
    """An editor in the Wagtail admin who may also publish."""

    groups = factory.PostGeneration(
        lambda user, create, names, **_: add_groups(
            user, ["Redacteuren", "Eindredactie"] if names is None else names
        )
    )
