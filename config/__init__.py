"""Project configuration: settings, URLs, WSGI/ASGI entry points and the Celery app.

Named `config`, not `platform`: a top-level `platform` package would shadow
Python's standard `platform` module, which Celery and pytest import.
"""

from .celery_app import app as celery_app

__all__ = ["celery_app"]
