"""The signed token of a one-click unsubscribe link: who, and which instrument (or all).

The token is the only proof the link needs (no login), so it is signed with the
project's secret key and a salt of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core import signing

if TYPE_CHECKING:
    from cms.models import InstrumentPage
    from community.members.models import User

UNSUBSCRIBE_SALT = "discussions.unsubscribe"


def unsubscribe_token(*, user: User, page: InstrumentPage | None = None) -> str:
    """A signed token for one click: stop mail about `page`, or about every discussion."""
    return signing.dumps({"u": user.pk, "p": page.pk if page else None}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    """(user id, page id or None); raises signing.BadSignature for anything not ours."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or "u" not in data:
        raise signing.BadSignature("malformed")
    return data["u"], data.get("p")
