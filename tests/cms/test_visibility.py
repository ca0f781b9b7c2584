"""Members-only instruments leave no trace for anyone who is not a member."""

from wagtail.rich_text import RichText

import pytest

from tests.cms.conftest import PUBLIC_TITLE, SECRET_TITLE
from tests.factories import InstrumentPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def anonymous_and_non_member(client):
    yield "anonymous", client
    client.force_login(UserFactory())  # logged in, verified, but not (yet) a member
    yield "non-member", client


def listing_urls(kb):
    return [
        "/",
        kb["theme"].url,
        kb["instruments"].url,
        kb["instruments"].url + "?stap=risicomanagement",
        kb["instruments"].url + f"?thema={kb['theme'].slug}&type=normenkader",
        kb["news"].url,
        kb["news_item"].url,
        "/zoeken/?q=dreigingsbeeld",
        "/zoeken/?q=spionage&soort=instrument",
        kb["news"].url + "feed/rss/",
        kb["news"].url + "feed/atom/",
        "/sitemap.xml",
    ]


def test_no_trace_for_outsiders(client, knowledge_base):
    kb = knowledge_base
    for who, browser in anonymous_and_non_member(client):
        for url in listing_urls(kb):
            response = browser.get(url)
            assert response.status_code == 200, (who, url)
            html = response.content.decode()
            assert SECRET_TITLE not in html, (who, url)
            assert kb["secret"].url not in html, (who, url)
            assert "dreigingsbeeld-spionage" not in html and "/vertrouwelijk/" not in html


def test_public_instrument_is_listed_for_outsiders(client, knowledge_base):
    html = client.get(knowledge_base["theme"].url).content.decode()
    assert PUBLIC_TITLE in html
    assert PUBLIC_TITLE in client.get("/sitemap.xml").content.decode() or (
        knowledge_base["public"].url in client.get("/sitemap.xml").content.decode()
    )


def test_members_see_everything(client, member, knowledge_base):
    kb = knowledge_base
    client.force_login(member)
    assert SECRET_TITLE in client.get(kb["theme"].url).content.decode()
    assert SECRET_TITLE in client.get(kb["instruments"].url).content.decode()
    assert SECRET_TITLE in client.get("/zoeken/?q=dreigingsbeeld").content.decode()
    assert SECRET_TITLE in client.get(kb["news_item"].url).content.decode()
    response = client.get(kb["secret"].url)
    assert response.status_code == 200
    assert "Alleen voor leden" in response.content.decode()
    # Never in the sitemap, not even for members: search engines crawl anonymously.
    assert kb["secret"].url not in client.get("/sitemap.xml").content.decode()


def test_direct_link_asks_anonymous_to_log_in(client, knowledge_base):
    response = client.get(knowledge_base["secret"].url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_direct_link_refuses_a_non_member(client, knowledge_base):
    client.force_login(UserFactory())
    response = client.get(knowledge_base["secret"].url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Alleen voor leden" in html and SECRET_TITLE not in html


def test_files_of_members_only_instruments_are_protected(client, member, knowledge_base):
    secret_doc = knowledge_base["documents"]["vertrouwelijk"]
    public_doc = knowledge_base["documents"]["openbaar"]
    assert client.get(public_doc.url).status_code == 200
    response = client.get(secret_doc.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(secret_doc.url).status_code == 403
    client.force_login(member)
    response = client.get(secret_doc.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_document_files_are_not_reachable_under_media(client, knowledge_base):
    document = knowledge_base["documents"]["vertrouwelijk"]
    assert client.get("/media/" + document.file.name).status_code == 404


def test_home_count_only_counts_what_the_viewer_may_see(client, member, knowledge_base):
    assert client.get("/").context["instrument_count"] == 1
    client.force_login(member)
    assert client.get("/").context["instrument_count"] == 2


def test_unpublished_instrument_is_invisible_even_to_members(client, member, knowledge_base):
    draft = InstrumentPageFactory(parent=knowledge_base["theme"], title="Concept in bewerking")
    draft.unpublish()
    client.force_login(member)
    assert "Concept in bewerking" not in client.get(knowledge_base["theme"].url).content.decode()
    assert client.get(draft.url or "/kennis/concept/").status_code == 404


def test_rich_text_links_to_members_only_pages_are_plain_text_for_outsiders(
    client, member, knowledge_base
):
    news = knowledge_base["news_item"]
    secret = knowledge_base["secret"]
    news.body = [("paragraph", RichText(
        f'<p>Lees <a linktype="page" id="{secret.pk}">de analyse</a> en '
        f'<a linktype="page" id="{knowledge_base["public"].pk}">het stappenplan</a>.</p>'
    ))]
    news.save_revision().publish()

    html = client.get(news.url).content.decode()
    assert "de analyse" in html and secret.url not in html
    assert f'href="{knowledge_base["public"].url}"' in html

    client.force_login(member)
    html = client.get(news.url).content.decode()
    assert f'href="{secret.url}"' in html


def _new_document(name):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    document = Document(title=name)
    document.file.save(f"{name}.pdf", ContentFile(b"%PDF-1.4 body"), save=False)
    document.save()
    return document


@pytest.mark.parametrize("placement", ["document_block", "rich_text_link"])
def test_documents_in_the_body_of_a_members_only_instrument_are_protected(
    client, member, knowledge_base, placement
):
    """The editor's natural place for a file is the body, not only the attachments."""
    secret = knowledge_base["secret"]
    document = _new_document(f"body-{placement}")
    if placement == "document_block":
        secret.body = [("document", {"document": document, "title": "Dreigingsbeeld"})]
    else:
        secret.body = [("paragraph", RichText(
            f'<p>Zie <a linktype="document" id="{document.pk}">het dreigingsbeeld</a>.</p>'
        ))]
    secret.save_revision().publish()

    response = client.get(document.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(document.url).status_code == 403
    client.force_login(member)
    assert client.get(document.url).status_code == 200


def test_a_document_no_live_page_uses_goes_to_editors_only(client, member, editor, knowledge_base):
    """Uploaded for a draft, or only in the library: not public before its page is."""
    document = _new_document("nog-niet-gepubliceerd")
    draft = knowledge_base["public"]
    draft.body = [("document", {"document": document, "title": "Concept"})]
    draft.save_revision()  # a draft: the live page does not use it yet

    assert client.get(document.url).status_code == 404
    client.force_login(member)
    assert client.get(document.url).status_code == 404
    client.force_login(editor)
    assert client.get(document.url).status_code == 200


def test_a_document_a_public_page_uses_is_public(client, knowledge_base):
    document = _new_document("openbaar-gebruikt")
    page = knowledge_base["public"]
    page.body = [("document", {"document": document, "title": "Bijlage"})]
    page.save_revision().publish()

    assert client.get(document.url).status_code == 200
