"""The Celery application. Tasks live in each app's `tasks.py`."""

import os

from celery import Celery

# As wsgi.py and asgi.py: a worker started without DJANGO_SETTINGS_MODULE runs the
# production settings (and refuses to start half-configured), never dev's console
# mail delivery. `make run` runs tasks eagerly and needs no worker; a development
# worker on the full stack sets DJANGO_SETTINGS_MODULE=config.settings.dev.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
