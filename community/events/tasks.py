"""Celery tasks: thin wrappers around the registration services (run by beat)."""

from celery import shared_task

from . import services


@shared_task
def events_offers_expire():
    """Every 5 minutes: offers past their deadline go to the next on the waitlist."""
    return services.offers_expire()


@shared_task
def events_reminders_send():
    """Every 15 minutes: the reminder about a day before the start, once per person."""
    return services.reminders_send()


@shared_task
def events_anonymise():
    """Daily: personal data of registrations of long-past events goes."""
    return services.registrations_anonymise()
