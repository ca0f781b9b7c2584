"""Factories for tests and benchmarks: pages, vocabularies and people."""

from .cms import (
    EventPageFactory,
    InstrumentPageFactory,
    InstrumentTypeFactory,
    NewsPageFactory,
    ProcessStepFactory,
    StandardPageFactory,
    ThemePageFactory,
)
from .people import EditorFactory, MemberFactory, UserFactory

__all__ = [
    "EditorFactory",
    "EventPageFactory",
    "InstrumentPageFactory",
    "InstrumentTypeFactory",
    "MemberFactory",
    "NewsPageFactory",
    "ProcessStepFactory",
    "StandardPageFactory",
    "ThemePageFactory",
    "UserFactory",
]
