"""The knowledge base's page types and vocabularies."""

from .events import EventIndexPage, EventPage
from .home import HomePage, StandardPage
from .instruments import InstrumentAttachment, InstrumentIndexPage, InstrumentPage
from .news import NewsIndexPage, NewsPage
from .snippets import ChainPartner, InstrumentType, ProcessStep
from .themes import ThemeIndexPage, ThemePage

__all__ = [
    "ChainPartner",
    "EventIndexPage",
    "EventPage",
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
