from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import factory
from allauth.account.models import EmailAddress

from community.members.models import Profile
from community.members.services import profile_get_or_create

from .members import InstitutionFactory

PASSWORD = "veilig-wachtwoord-123"


class UserFactory(factory.django.DjangoModelFactory):
    """An account with a verified primary e-mail address, able to log in, and its profile.

    The profile follows the membership rules: pending for an ordinary account,
    approved for one that already sees members-only content (its groups).
    """

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
    """Post-generation: UserFactory(groups=["Leden"]) puts the user in those groups.

    The profile is made right after, as the groups decide its first status
    (a subclass that overrides `groups` moves it after other post-generation hooks).
    """
    if names:
        user.groups.add(*[Group.objects.get(name=name) for name in names])
    profile_get_or_create(user=user)


class MemberFactory(UserFactory):
    """An approved member of an institution: may see members-only content.

    MemberFactory(institution=tue) picks the institution; by default each member
    gets a new one.
    """

    groups = factory.PostGeneration(
        lambda user, create, names, **_: add_groups(user, ["Leden"] if names is None else names)
    )

    @factory.post_generation
    def institution(self, create, extracted, **kwargs):
        if not create:
            return
        profile_get_or_create(user=self)
        Profile.objects.filter(user=self).update(
            status=Profile.Status.APPROVED,
            institution=extracted or InstitutionFactory(),
            affiliation_email=self.email,
            status_changed_at=timezone.now(),
        )


class EditorFactory(UserFactory):
    """An editor in the Wagtail admin who may also publish."""

    groups = factory.PostGeneration(
        lambda user, create, names, **_: add_groups(
            user, ["Redacteuren", "Eindredactie"] if names is None else names
        )
    )
