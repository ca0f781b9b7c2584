"""Who holds personal data: each app registers what it keeps in `AppConfig.ready()`.

Two kinds of entry, both with a declaration for the privacy statement (what we
keep, why, and how long), so the statement is built from the same list that
drives the data download and erasure and cannot go stale:

- a provider (`register`): per person, `export(user) -> dict` (sections for
  the download: JSON-serialisable, Dutch keys, never a secret such as a
  password hash, TOTP secret or a key in a link) and `erase(user)` (remove or
  anonymise that app's data about the person);
- a declaration only (`declare`): data not kept per person that still counts,
  such as short-lived counters of login attempts by IP address.

Erasure runs in `stage` order: first the apps' own content (which may still
queue mail, such as a cancelled seat), then the outbox (which deletes mail to
the person), then the account itself (the others still need its addresses).
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from types import ModuleType
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class Stage(IntEnum):
    CONTENT = 0
    MAIL = 1
    ACCOUNT = 2


@dataclass(frozen=True)
class Declaration:
    """One part of the privacy statement, in the words a visitor reads."""

    title: str
    data: list[str]
    purpose: str
    retention: str


@dataclass(frozen=True)
class PersonalDataProvider:
    name: str
    export: Callable[[Any], dict]
    erase: Callable[[Any], None]
    declaration: Callable[[], Declaration]
    stage: Stage = Stage.CONTENT


_providers: dict[str, PersonalDataProvider] = {}
_declarations: dict[str, Callable[[], Declaration]] = {}


def register(name: str, module: ModuleType, *, stage: Stage = Stage.CONTENT) -> None:
    """Register `module`'s export, erase and declaration under `name` (again: replaces)."""
    missing = [part for part in ("export", "erase", "declaration") if not hasattr(module, part)]
    if missing:
        raise ImproperlyConfigured(
            f"Personal-data provider {name!r} ({module.__name__}) lacks {', '.join(missing)}: "
            "every app that keeps personal data says what, why and how long."
        )
    _providers[name] = PersonalDataProvider(
        name, module.export, module.erase, module.declaration, stage
    )


def declare(name: str, declaration: Callable[[], Declaration]) -> None:
    """Declare data that is not kept per person (nothing to download or erase)."""
    _declarations[name] = declaration


def providers() -> list[PersonalDataProvider]:
    """All providers in erasure order (registration order within a stage)."""
    return sorted(_providers.values(), key=lambda provider: provider.stage)


def declarations() -> list[Declaration]:
    """Every declaration, evaluated now (settings such as retention days are current)."""
    ordered = sorted(_providers.values(), key=lambda provider: -provider.stage)
    return [provider.declaration() for provider in ordered] + [
        declaration() for declaration in _declarations.values()
    ]
