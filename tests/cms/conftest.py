from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest

from cms.models import InstrumentAttachment
from cms.visibility import Visibility
from tests.factories import InstrumentPageFactory, NewsPageFactory, ThemePageFactory

SECRET_TITLE = "Vertrouwelijk dreigingsbeeld spionage"
PUBLIC_TITLE = "Openbaar stappenplan risicoanalyse"


@pytest.fixture
def knowledge_base(site_tree, steps, instrument_types):
    """One theme with a public and a members-only instrument, each with a file."""
    theme = ThemePageFactory(parent=site_tree["themes"], title="Kennisveiligheid", slug="kennis")
    public = InstrumentPageFactory(
        parent=theme, title=PUBLIC_TITLE, slug="openbaar",
        instrument_type=instrument_types[1], steps=[steps[0], steps[1]],
    )
    secret = InstrumentPageFactory(
        parent=theme, title=SECRET_TITLE, slug="vertrouwelijk",
        instrument_type=instrument_types[0], steps=[steps[0]],
        visibility=Visibility.MEMBERS, summary="Dreigingsbeeld voor de eigen instelling.",
    )
    documents = {}
    for page in (public, secret):
        document = Document(title=f"Bijlage bij {page.title}")
        document.file.save(f"{page.slug}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        document.save()
        InstrumentAttachment.objects.create(page=page, document=document)
        documents[page.slug] = document
    news = NewsPageFactory(parent=site_tree["news"], title="Nieuwe instrumenten")
    news.related_instruments.set([public, secret])
    news.save_revision().publish()
    return {**site_tree, "theme": theme, "public": public, "secret": secret,
            "documents": documents, "news_item": news}
