"""Deliver due outbox mail now, and prune old mail.

The full stack runs this through Celery beat. Without a broker (the embedded
mode) nothing runs periodically, so cron or a person can run this instead.
"""

from django.core.management.base import BaseCommand

from community.outbox import selectors, services


class Command(BaseCommand):
    help = "Bezorg wachtende e-mail uit de outbox en ruim oude e-mail op."

    def handle(self, *args, **options):
        sent = sum(
            services.outbox_deliver(mail_id=mail_id) for mail_id in selectors.outbox_pending_ids()
        )
        pruned = services.outbox_prune()
        self.stdout.write(f"Verzonden: {sent}; opgeruimd: {pruned}.")
