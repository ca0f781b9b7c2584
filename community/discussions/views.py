"""Thin views over the discussion services.

Every view first finds its object as the viewer may see it: an instrument (or
a comment on one) that the viewer may not see is a 404, exactly like an id that
does not exist. Only then does it ask who is asking: anonymous visitors are
sent to the login page, logged-in accounts without membership get a 403 page
that explains why. django-comments-xtd's own URLs are not mounted.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms.visibility import user_is_member
from community.ratelimits import TOO_MANY, within_limit

from . import selectors, services
from .forms import CommentForm, FlagForm
from .presenters import author_card
from .selectors import (
    EDIT_WINDOW,
    comment_for_viewer,
    instrument_for_viewer,
    max_level,
)


def _page_or_404(request, page_id):
    page = instrument_for_viewer(page_id=page_id, user=request.user)
    if page is None:
        raise Http404(_("Geen instrument"))
    return page


def _comment_or_404(request, comment_id):
    comment = comment_for_viewer(comment_id=comment_id, user=request.user)
    if comment is None:
        raise Http404(_("Geen reactie"))
    return comment


def _refuse_non_member(request, back_to=None):
    """None for a member; otherwise the answer an outsider gets (login or explanation).

    `back_to`: where to return after logging in, for buttons that only POST.
    """
    if user_is_member(request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(back_to or request.get_full_path())
    return TemplateResponse(request, "discussions/members_only.html", status=403)


def _back_to(page, comment=None):
    anchor = f"#c{comment.pk}" if comment is not None else "#discussie"
    return redirect((page.url or "/") + anchor)


def _context(page, comment=None, **extra):
    context = {"instrument": page, **extra}
    if comment is not None:
        context["comment"] = comment
        context["author"] = author_card(comment, viewer_is_member=True)
    return context


def _over_limit(request, form):
    """Posting limit: over it, the form says why and keeps the text (HTTP 429)."""
    if request.method != "POST" or within_limit(request, action="discussion_post"):
        return False
    form.is_valid()  # our error joins the form's own
    form.add_error("comment", TOO_MANY)
    return True


def _saved(request, form, *, write, done, back_to, error_field="comment"):
    """The POST of a discussion form: `write(data)` stores it and returns the comment to
    show; a ValidationError goes on the form (None: the page shows the form again)."""
    if not form.is_valid():
        return None
    try:
        comment = write(form.cleaned_data)
    except ValidationError as error:
        field = error_field(error) if callable(error_field) else error_field
        form.add_error(field, error)
        return None
    messages.success(request, done)
    return _back_to(back_to, comment)


@require_http_methods(["GET", "POST"])
def comment_create(request, page_id):
    """Start a new thread on an instrument (the form on the page posts here)."""
    page = _page_or_404(request, page_id)
    if refusal := _refuse_non_member(request):
        return refusal
    form = CommentForm(request.POST or None)
    limited = _over_limit(request, form)
    if request.method == "POST" and not limited and (saved := _saved(
        request, form, back_to=page,
        write=lambda data: services.comment_post(
            user=request.user, page=page, text=data["comment"]),
        done=_("Je reactie is geplaatst. Je volgt deze draad nu."),
    )):
        return saved
    return TemplateResponse(
        request, "discussions/comment_form.html", _context(page, form=form),
        status=429 if limited else 400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def comment_reply(request, comment_id):
    parent = _comment_or_404(request, comment_id)
    page = parent.page
    if refusal := _refuse_non_member(request):
        return refusal
    too_deep = parent.level >= max_level()
    form = CommentForm(request.POST or None, label=_("Je antwoord"))
    limited = _over_limit(request, form)
    # Too deep: the page says so, and nothing is stored.
    if request.method == "POST" and not too_deep and not limited and (saved := _saved(
        request, form, back_to=page,
        write=lambda data: services.comment_reply(
            user=request.user, parent=parent, text=data["comment"]),
        done=_("Je antwoord is geplaatst. Je volgt deze draad nu."),
    )):
        return saved
    return TemplateResponse(
        request, "discussions/reply_form.html",
        _context(page, parent, form=form, too_deep=too_deep,
                 depth_message=services.DEPTH_EXCEEDED.format(levels=max_level() + 1)),
        status=(429 if limited else 400) if request.method == "POST" else 200,
    )


def _own_comment_or_refusal(request, comment_id):
    comment = _comment_or_404(request, comment_id)
    if refusal := _refuse_non_member(request):
        return comment, refusal
    if comment.user_id != request.user.pk:
        raise PermissionDenied(services.NOT_YOURS)
    return comment, None


@require_http_methods(["GET", "POST"])
def comment_edit(request, comment_id):
    comment, refusal = _own_comment_or_refusal(request, comment_id)
    if refusal:
        return refusal
    page = comment.page
    window_open = timezone.now() - comment.submit_date < EDIT_WINDOW
    form = CommentForm(
        request.POST or None, initial={"comment": comment.comment}, label=_("Je reactie")
    )
    if request.method == "POST" and (saved := _saved(
        request, form, back_to=page,
        write=lambda data: services.comment_edit(
            user=request.user, comment=comment, text=data["comment"]),
        done=_("Je reactie is bijgewerkt."),
    )):
        return saved
    return TemplateResponse(
        request, "discussions/edit_form.html",
        _context(page, comment, form=form, window_open=window_open,
                 window_message=services.EDIT_WINDOW_PASSED),
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def comment_delete(request, comment_id):
    comment, refusal = _own_comment_or_refusal(request, comment_id)
    if refusal:
        return refusal
    page = comment.page
    if request.method == "POST":
        services.comment_delete(user=request.user, comment=comment)
        messages.success(request, _("Je reactie is verwijderd."))
        return _back_to(page, comment)
    return TemplateResponse(request, "discussions/delete_confirm.html", _context(page, comment))


@require_http_methods(["GET", "POST"])
def comment_flag(request, comment_id):
    comment = _comment_or_404(request, comment_id)
    page = comment.page
    if refusal := _refuse_non_member(request):
        return refusal
    form = FlagForm(request.POST or None)

    def flag(data):
        services.comment_flag(user=request.user, comment=comment, reason=data["reason"])
        return comment

    if request.method == "POST" and (saved := _saved(
        request, form, back_to=page, write=flag,
        done=_("Dank je. De redactie bekijkt de reactie die je hebt gemeld."),
        error_field=lambda error: "reason" if error.code == "too_long" else None,
    )):
        return saved
    return TemplateResponse(
        request, "discussions/flag_form.html", _context(page, comment, form=form),
        status=400 if request.method == "POST" else 200,
    )


def _button(*, on: str, service: Callable[..., Any], done: Callable[[Any], str]) -> Callable:
    """A POST-only button of a discussion (like, follow, unfollow): find what it is on as
    the viewer may see it, ask for membership, run the service, say what happened and
    go back to the discussion."""

    @require_POST
    def view(request: HttpRequest, **ids: int) -> HttpResponse:
        if on == "page":
            page, comment = _page_or_404(request, ids["page_id"]), None
            target = {"page": page}
        else:
            comment = _comment_or_404(request, ids["comment_id"])
            page = comment.page
            target = {"comment": comment}
        if refusal := _refuse_non_member(request, back_to=page.url):
            return refusal
        try:
            result = service(user=request.user, **target)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, done(result))
        return _back_to(page, comment)

    return view


def _says(message: str) -> Callable[[Any], str]:
    return lambda _result: message


comment_like = _button(
    on="comment", service=services.comment_like,
    done=lambda liked: _("Je waardering is opgeslagen.") if liked
    else _("Je waardering is ingetrokken."),
)
instrument_follow = _button(on="page", service=services.instrument_follow,
                            done=_says(_("Je volgt de discussie bij dit instrument.")))
instrument_unfollow = _button(on="page", service=services.instrument_unfollow,
                              done=_says(_("Je volgt de discussie bij dit instrument niet meer.")))
thread_follow = _button(on="comment", service=services.thread_follow,
                        done=_says(_("Je volgt deze draad.")))
thread_unfollow = _button(on="comment", service=services.thread_unfollow,
                          done=_says(_("Je volgt deze draad niet meer.")))


# One-click unsubscribe (RFC 8058): mail clients POST without a CSRF token, so
# this view (and only this one) is exempt. The signed token is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        user, page = selectors.unsubscribe_target(token=token)
    except signing.BadSignature:
        return TemplateResponse(request, "discussions/unsubscribe_invalid.html", status=400)
    # Name the instrument only if anyone may know it exists.
    context = {"instrument": page if page is not None and not page.is_members_only else None,
               "all_discussions": page is None, "token": token}
    if request.method == "POST":
        services.unsubscribe(token=token)
        return TemplateResponse(request, "discussions/unsubscribe_done.html", context)
    return TemplateResponse(request, "discussions/unsubscribe_confirm.html", context)
