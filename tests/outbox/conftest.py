import pytest

from tests.outbox.helpers import LOCMEM_BACKEND, OUTBOX_BACKEND


@pytest.fixture
def outbox_backend(settings):
    """Mail as the project sends it: into the outbox, delivered through locmem.

    pytest-django swaps EMAIL_BACKEND for locmem in every test; put it back.
    """
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM_BACKEND
