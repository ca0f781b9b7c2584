"""The knowledge base's page types and vocabularies."""

from .home import HomePage, StandardPage
from .instruments import InstrumentAttachment, InstrumentIndexPage, InstrumentPage
from .news import NewsIndexPage, NewsPage
from .snippets import ChainPartner, InstrumentType, ProcessStep
from .themes import ThemeIndexPage, ThemePage

__all__ = [
    "ChainPartner",
    "HomePage",
    "InstrumentAttachment",
    "InstrumentIndexPage",
    "InstrumentPage",
    "InstrumentType",
    "NewsIndexPage",
    "NewsPage",
    "ProcessStep",
    "StandardPage",
    "ThemeIndexPage",
    "ThemePage",
]
