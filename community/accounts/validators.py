"""Password validators with messages in Dutch."""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with its error in Dutch.

    Django 5.2.x changed this message's msgid and its Dutch catalogue still has the
    old one, so the error showed in English. Drop this class once Django's
    translation catches up.
    """

    def get_error_message(self):
        return (
            ngettext(
                "Dit wachtwoord is te kort. Het moet minstens %d teken bevatten.",
                "Dit wachtwoord is te kort. Het moet minstens %d tekens bevatten.",
                self.min_length,
            )
            % self.min_length
        )
