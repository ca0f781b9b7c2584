"""An e-mail backend that writes to the outbox instead of the network.

Every `send_mail` in the project (allauth, Wagtail, our own code) ends up here,
so one mechanism guarantees delivery for all of them.
"""

from django.core.mail.backends.base import BaseEmailBackend

from .services import outbox_enqueue


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if message.recipients():
                outbox_enqueue(message=message)
                count += 1
        return count
