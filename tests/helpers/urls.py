"""config.urls as other settings build it, for the length of a test."""

import contextlib
import importlib

from django.test import override_settings
from django.urls import clear_url_caches

import config.urls


@contextlib.contextmanager
def urlconf_with_serve_media(serve_media: bool):
    """Rebuild config.urls with SERVE_MEDIA set so; as it was again afterwards.

    config.urls reads SERVE_MEDIA once, at import, as it does in a real process.
    """
    try:
        with override_settings(SERVE_MEDIA=serve_media):
            importlib.reload(config.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(config.urls)
        clear_url_caches()
