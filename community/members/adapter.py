"""How allauth behaves on this platform, where it differs from allauth's defaults."""

from django.core.exceptions import ValidationError

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        """Answer a login attempt over the `login_failed` limit with HTTP 429.

        allauth refuses it with a form error on an ordinary 200 page. A 429 (our
        templates/429.html) says the same to the person, and lets the proxy and
        monitoring see a brute-force attempt for what it is. It applies to every
        attempt over the limit, a correct password included.
        """
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ImmediateHttpResponse(respond_429(request)) from error
            raise
