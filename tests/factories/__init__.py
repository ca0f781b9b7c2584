"""Factories for tests and benchmarks: pages, vocabularies and people."""

from .cms import (
    InstrumentPageFactory,
    InstrumentTypeFactory,
    NewsPageFactory,
    ProcessStepFactory,
    StandardPageFactory,
    ThemePageFactory,
)
from .events import EventPageFactory
from .members import InstitutionFactory
from .people import EditorFactory, MemberFactory, UserFactory

__all__ = [
    "EditorFactory",
    "EventPageFactory",
    "InstitutionFactory",
    "InstrumentPageFactory",
    "InstrumentTypeFactory",
    "MemberFactory",
    "NewsPageFactory",
    "ProcessStepFactory",
    "StandardPageFactory",
    "ThemePageFactory",
    "UserFactory",
]
