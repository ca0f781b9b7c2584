"""Admin registration of the vocabularies, and the members-only rule for files."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse

from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import (
    ChainPartner,
    InstrumentAttachment,
    InstrumentType,
    ProcessStep,
)
from cms.rich_text import MembersAwarePageLinkHandler
from cms.visibility import user_is_member, visible_pages


class ProcessStepViewSet(SnippetViewSet):
    model = ProcessStep
    icon = "list-ol"
    menu_label = "Processtappen"
    list_display = ["name", "slug"]
    sort_order_field = "sort_order"


class InstrumentTypeViewSet(SnippetViewSet):
    model = InstrumentType
    icon = "tag"
    menu_label = "Instrumenttypen"
    list_display = ["name", "slug"]
    sort_order_field = "sort_order"


class ChainPartnerViewSet(SnippetViewSet):
    model = ChainPartner
    icon = "group"
    menu_label = "Ketenpartners"
    list_display = ["name", "website"]
    search_fields = ["name"]


class KnowledgeBaseGroup(SnippetViewSetGroup):
    items = (ProcessStepViewSet, InstrumentTypeViewSet, ChainPartnerViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Indeling kennisbank"
    menu_name = "kennisbank"


register_snippet(KnowledgeBaseGroup)


@hooks.register("before_serve_document")
def protect_documents(document, request):
    """A file goes to whoever may see a live page that uses it; otherwise to editors only.

    Used by a public page: anyone. Used only by members-only instruments: members
    (an anonymous visitor is asked to log in, anyone else gets an explanation).
    Used by no live page (uploaded for a draft, or only in the library): nobody but
    editors, the same 404 as for a document that does not exist, so a file is not
    public before the page it belongs to is published.
    """
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    used_by = _live_pages_using(document)
    if visible_pages(used_by, None).exists():
        return None
    if not used_by.exists():
        raise Http404
    if user_is_member(request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "cms/members_only.html", status=403)


def _live_pages_using(document):
    """Live pages with the document as an instrument attachment, or linking or showing it
    in their body (a document block or a rich-text document link).

    The body is found through Wagtail's reference index, which follows the live
    content of every page (StreamField blocks and rich text included).
    """
    attached = InstrumentAttachment.objects.filter(document=document).values_list(
        "page_id", flat=True
    )
    referenced = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
        if object_id.isdigit()
    ]
    return Page.objects.live().filter(Q(pk__in=attached) | Q(pk__in=referenced))


@hooks.register("register_rich_text_features", order=10)
def mark_links_to_members_only_pages(features):
    # order=10: runs after Wagtail's own registration of the "page" link type.
    features.register_link_type(MembersAwarePageLinkHandler)
