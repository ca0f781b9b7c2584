"""Member profiles: editing your own, the members-only directory, profile pages and photos."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cms.selectors import paginate
from cms.visibility import user_is_member

from .images import OUTPUT_CONTENT_TYPE
from .profile_forms import ProfileForm
from .selectors import directory
from .services import profile_get_or_create


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    # Made on first use, following the membership rules (community.members.services).
    profile = profile_get_or_create(user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("members:profile_edit")
    else:
        form = ProfileForm(instance=profile)
    return TemplateResponse(request, "members/profile_edit.html", {
        "form": form,
        "profile": profile,
        "photo_fields": [form[name] for name in ("photo", "remove_photo") if name in form.fields],
    })


@require_safe
def member_directory(request):
    if not user_is_member(request.user):
        return _members_only(request)
    filters = directory.directory_filters(request.GET)
    page_obj = paginate(
        request, directory.member_directory(filters=filters), per_page=directory.MEMBERS_PER_PAGE
    )
    for profile in page_obj:
        profile.shown_name = directory.display_name(profile)
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(request, "members/directory.html", {
        "filters": filters,
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "is_filtered": bool(
            filters["q"] or filters["function"] or filters["institution"] or filters["theme"]
        ),
        "querystring_without_page": params.urlencode(),
    })


@require_safe
def profile_detail(request, user_id):
    profile = directory.profile_for_viewer(user_id=user_id, viewer=request.user)
    if profile is None:
        raise Http404("Geen profiel")
    profile.shown_name = directory.display_name(profile)
    response = TemplateResponse(request, "members/profile_detail.html", {
        "profile": profile,
        "is_own_profile": request.user.is_authenticated and request.user.pk == profile.user_id,
        "contributions": directory.recent_contributions(author=profile.user, viewer=request.user),
    })
    # A public profile is for the sector, not for search engines: people look
    # each other up here, and a name should not lead strangers to an employer.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def profile_photo(request, user_id):
    """The photo, under the same rule as the profile: /media/ does not serve profiles/."""
    profile = directory.profile_for_viewer(
        user_id=user_id, viewer=request.user, with_expertise=False
    )
    if profile is None or not profile.photo:
        raise Http404("Geen foto")
    try:
        photo = profile.photo.open("rb")
    except FileNotFoundError as error:
        raise Http404("Geen foto") from error
    response = FileResponse(photo, content_type=OUTPUT_CONTENT_TYPE)
    # Never in a shared cache: whether you may see it depends on who you are.
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _members_only(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "members/directory_members_only.html", status=403)
