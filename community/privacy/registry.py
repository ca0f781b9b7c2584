"""Who holds personal data: each app registers its provider in `AppConfig.ready()`.

A provider has two functions:

- `export(user) -> dict`: sections for the download (JSON-serialisable, Dutch keys,
  never a secret such as a password hash, TOTP secret or a key in a link);
- `erase(user)`: remove or anonymise that app's data about the person.

Erasure runs in `stage` order: first the apps' own content (which may still
queue mail, such as a cancelled seat), then the outbox (which deletes mail to
the person), then the account itself (the others still need its addresses).
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from types import ModuleType
from typing import Any


class Stage(IntEnum):
    CONTENT = 0
    MAIL = 1
    ACCOUNT = 2


@dataclass(frozen=True)
class PersonalDataProvider:
    name: str
    export: Callable[[Any], dict]
    erase: Callable[[Any], None]
    stage: Stage = Stage.CONTENT


_providers: dict[str, PersonalDataProvider] = {}


def register(name: str, module: ModuleType, *, stage: Stage = Stage.CONTENT) -> None:
    """Register `module`'s export and erase under `name` (again: replaces, for reloads)."""
    _providers[name] = PersonalDataProvider(name, module.export, module.erase, stage)


def providers() -> list[PersonalDataProvider]:
    """All providers in erasure order (registration order within a stage)."""
    return sorted(_providers.values(), key=lambda provider: provider.stage)
