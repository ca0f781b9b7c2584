"""Admin registration of the vocabularies, and the members-only rule for files."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse

from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import (
    ChainPartner,
    InstrumentAttachment,
    InstrumentPage,
    InstrumentType,
    ProcessStep,
)
from cms.rich_text import MembersAwarePageLinkHandler
from cms.visibility import Visibility, user_is_member


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
def protect_members_only_documents(document, request):
    """A file attached to or used in a members-only instrument is served to members only."""
    if not _used_by_members_only_instrument(document) or user_is_member(request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "cms/members_only.html", status=403)


def _used_by_members_only_instrument(document):
    """True when a members-only instrument has the document as an attachment, or
    links or shows it in its body (a document block or a rich-text document link).

    The body is found through Wagtail's reference index, which follows the live
    content of every page (StreamField blocks and rich text included).
    """
    if InstrumentAttachment.objects.filter(
        document=document, page__visibility=Visibility.MEMBERS
    ).exists():
        return True
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
        if object_id.isdigit()
    ]
    return InstrumentPage.objects.filter(
        pk__in=page_ids, visibility=Visibility.MEMBERS
    ).exists()


@hooks.register("register_rich_text_features", order=10)
def mark_links_to_members_only_pages(features):
    # order=10: runs after Wagtail's own registration of the "page" link type.
    features.register_link_type(MembersAwarePageLinkHandler)
