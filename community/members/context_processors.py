"""What every page may say about the viewer's membership."""

from django.utils.functional import SimpleLazyObject

from .models import Profile
from .signals import PENDING_NOTICE, REJECTED_NOTICE


def membership(request):
    """`membership_notice`: why a logged-in non-member sees only public content ('' if
    nothing to say). Looked up once, and only when a template uses it."""
    user = getattr(request, "user", None)

    def notice():
        if user is None or not user.is_authenticated:
            return ""
        status = Profile.objects.filter(user=user).values_list("status", flat=True).first()
        return {Profile.Status.PENDING: PENDING_NOTICE,
                Profile.Status.REJECTED: REJECTED_NOTICE}.get(status, "")

    return {"membership_notice": SimpleLazyObject(notice)}
