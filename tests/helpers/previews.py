"""Wagtail's live preview as the editor's browser drives it: post the form, then load it."""

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def preview_event(client, event, *, themes=(), **changes):
    """The preview response of `event` edited with `changes`, for the logged-in `client`."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[event.pk])
    fields = {
        "title": event.title,
        "slug": event.slug,
        "start": _local(event.start),
        "end": _local(event.end),
        "format": event.format,
        "location_name": event.location_name,
        "address": event.address,
        "online_url": event.online_url,
        "offer_hours": str(event.offer_hours),
        "body": streamfield([]),
        "registration_questions": inline_formset([]),
        "comments": inline_formset([]),
        **changes,
    }
    data = nested_form_data(fields)
    data["themes"] = [theme.pk for theme in themes]  # a multi-value field, posted as a list
    stored = client.post(url, data)
    assert stored.json() == {"is_valid": True, "is_available": True}, stored.content
    return client.get(url)
