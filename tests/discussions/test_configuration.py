"""How discussions are wired into the project: beat schedule, settings, URLs."""

from django.conf import settings
from django.urls import reverse

from celery.schedules import crontab

from config.celery_app import app


def test_daily_digest_is_scheduled_at_seven_amsterdam_time():
    entry = settings.CELERY_BEAT_SCHEDULE["discussions-digest"]
    assert entry["task"] == "community.discussions.tasks.discussions_digest"
    assert entry["schedule"] == crontab(hour=7, minute=0)
    assert settings.CELERY_TIMEZONE == "Europe/Amsterdam"


def test_lost_notifications_are_swept():
    entry = settings.CELERY_BEAT_SCHEDULE["discussions-notify-sweep"]
    assert entry["task"] == "community.discussions.tasks.discussions_notify_sweep"


def test_tasks_are_registered():
    app.loader.import_default_modules()
    for name in ("discussions_notify", "discussions_notify_sweep", "discussions_digest"):
        assert f"community.discussions.tasks.{name}" in app.tasks


def test_threads_are_two_replies_deep_and_xtd_sends_no_mail_itself():
    assert settings.COMMENTS_XTD_MAX_THREAD_LEVEL == 2
    assert settings.COMMENTS_XTD_THREADED_EMAILS is False
    assert settings.COMMENTS_XTD_CONFIRM_EMAIL is False


def test_our_urls_live_under_discussies():
    assert reverse("discussions:comment", args=[1]) == "/discussies/instrument/1/reageren/"
