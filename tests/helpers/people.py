"""People as a request would load them."""

from django.contrib.auth import get_user_model

from tests.factories import MemberFactory


def fresh(user):
    """The account as a request would load it (factories leave a stale permission cache)."""
    return get_user_model().objects.get(pk=user.pk)


def new_member(**kwargs):
    return fresh(MemberFactory(**kwargs))
