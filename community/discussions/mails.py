"""The mails discussions send. Each is an EmailMultiAlternatives for `.send()`.

`.send()` goes through EMAIL_BACKEND like `send_mail` does, so every mail is
an outbox row in the caller's transaction (community.outbox). `send_mail`
itself cannot set headers, and notification mails need the List-Unsubscribe
headers of RFC 8058.
"""

import functools

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from community.members.selectors import display_name

from .markup import render_html, render_text
from .tokens import unsubscribe_token

SUBJECT_PREFIX = "[IV-HO] "


def in_dutch(build):
    """Build the mail in the site's language: an editor's admin language (moderation
    notices are sent from the admin) is not the member's."""

    @functools.wraps(build)
    def wrapper(**kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return build(**kwargs)

    return wrapper


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def page_link(page, anchor=""):
    """The instrument's address on the public site (SITE_URL, not the Wagtail Site's)."""
    parts = page.get_url_parts() if page is not None else None
    path = parts[2] if parts else "/"
    return absolute(path) + anchor


def unsubscribe_link(*, user, page=None):
    token = unsubscribe_token(user=user, page=page)
    return absolute(reverse("discussions:unsubscribe", args=[token]))


def _message(*, recipient, subject, template, context, unsubscribe_url=None):
    context = {
        **context,
        "recipient_name": display_name(recipient),
        "site_url": settings.SITE_URL,
        "preferences_url": absolute(reverse("members:profile_edit")),
    }
    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe_url:
        context["unsubscribe_url"] = unsubscribe_url
        # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to this URL.
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=SUBJECT_PREFIX + " ".join(subject.split()),
        body=render_to_string(f"discussions/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"discussions/email/{template}.html", context), "text/html"
    )
    return message


def _comment_context(comment):
    return {
        "author_name": display_name(comment.user) if comment.user else comment.user_name,
        "text": render_text(comment.comment),
        "html": render_html(comment.comment),
        "is_reply": comment.level > 0,
    }


@in_dutch
def comment_notification(*, recipient, comment, page):
    return _message(
        recipient=recipient,
        subject=_("Nieuwe reactie bij {title}").format(title=page.title),
        template="comment_notification",
        context={
            **_comment_context(comment),
            "page_title": page.title,
            "comment_url": page_link(page, f"#c{comment.pk}"),
        },
        unsubscribe_url=unsubscribe_link(user=recipient, page=page),
    )


@in_dutch
def digest(*, recipient, items):
    """`items`: (page, comment) pairs, grouped by page in that order."""
    groups = []
    for page, comment in items:
        if not groups or groups[-1]["page_title"] != page.title:
            groups.append({"page_title": page.title, "page_url": page_link(page), "comments": []})
        groups[-1]["comments"].append(
            {**_comment_context(comment), "comment_url": page_link(page, f"#c{comment.pk}")}
        )
    count = len(items)
    return _message(
        recipient=recipient,
        subject=ngettext(
            "%(count)s nieuwe reactie in discussies die je volgt",
            "%(count)s nieuwe reacties in discussies die je volgt",
            count,
        ) % {"count": count},
        template="digest",
        context={"groups": groups, "count": count},
        unsubscribe_url=unsubscribe_link(user=recipient),
    )


MODERATION_SUBJECTS = {
    "hidden": _("Je reactie bij {title} is verborgen"),
    "restored": _("Je reactie bij {title} is weer zichtbaar"),
    "removed": _("Je reactie bij {title} is verwijderd"),
}


@in_dutch
def moderation_notice(*, recipient, comment, page, action):
    """Tell the author what the editors did with their comment (a service mail)."""
    title = page.title if page is not None else str(_("een instrument"))
    return _message(
        recipient=recipient,
        subject=MODERATION_SUBJECTS[action].format(title=title),
        template="moderation_notice",
        context={
            **_comment_context(comment),
            "action": action,
            "page_title": title,
            "page_url": page_link(page, f"#c{comment.pk}" if action == "restored" else ""),
        },
    )
