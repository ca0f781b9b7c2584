"""Delivery backends that misbehave on purpose, for OUTBOX_DELIVERY_BACKEND in tests."""

import smtplib
import threading

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FailingBackend(LocmemBackend):
    """A mail server that hangs up on every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class BlockingBackend(LocmemBackend):
    """Holds each send until the test releases it, so a test can act mid-delivery."""

    sending = threading.Event()
    release = threading.Event()

    def send_messages(self, messages):
        type(self).sending.set()
        if not type(self).release.wait(timeout=15):
            raise TimeoutError("BlockingBackend was never released")
        return super().send_messages(messages)
