"""A real `celery -A config worker` on Redis delivers outbox mail.

Runs only with REDIS_URL and PostgreSQL: the worker is a separate process, so
it must reach the test database (an SQLite test database lives in memory).
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection

import pytest

from community.outbox.models import OutgoingMail
from tests.outbox.helpers import celery_config, requires_postgres

pytestmark = [
    pytest.mark.postgres,
    requires_postgres,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (set REDIS_URL)"),
    pytest.mark.django_db(transaction=True),  # committed rows, visible to the worker
]

WAIT_SECONDS = 60


def test_worker_delivers_mail_dispatched_on_commit(outbox_backend, tmp_path):
    queue = f"test-outbox-{uuid.uuid4().hex[:12]}"  # no other worker takes our task
    mail_dir = tmp_path / "mail"
    log_path = tmp_path / "worker.log"
    # pytest-django's database (test_<name>), not the one DATABASE_URL names.
    database_url = urlsplit(os.environ["DATABASE_URL"])
    database_url = database_url._replace(path=f"/{connection.settings_dict['NAME']}").geturl()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "TEST_OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "TEST_EMAIL_FILE_PATH": str(mail_dir),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "-Q",
        queue,
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=INFO",
    ]
    with open(log_path, "w") as log:
        worker = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        with celery_config(
            task_always_eager=False,
            broker_url=os.environ["REDIS_URL"],
            task_routes={"community.outbox.tasks.*": {"queue": queue}},
        ):
            # Outside a transaction (transactional_db): on_commit dispatches at once.
            send_mail("Welkom bij IV-HO", "Hallo!", None, ["lid@tue.example"])
        row = OutgoingMail.objects.get()

        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and worker.poll() is None:
            row.refresh_from_db()
            if row.status != OutgoingMail.Status.QUEUED:
                break
            time.sleep(0.2)

        worker_log = log_path.read_text()
        assert row.status == OutgoingMail.Status.SENT, f"not delivered; worker log:\n{worker_log}"
        assert row.attempts == 1
        delivered = [path.read_text() for path in Path(mail_dir).iterdir()]
        assert len(delivered) == 1
        assert "Subject: Welkom bij IV-HO" in delivered[0]
        assert "To: lid@tue.example" in delivered[0]
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=5)
