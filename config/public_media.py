"""Public image renditions served by Django, for `make run` and the tests only.

In production the reverse proxy serves MEDIA_URL/images/ and Django has no media
route at all (SERVE_MEDIA is off). Django's own `django.views.static.serve` is not
used: it normalises `..` before joining, so a URL pattern that only checks a prefix
does not confine it. This view refuses any path that could leave its folder, and
then checks that the resolved file really is inside it.
"""

import unicodedata
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from config.media_layout import RENDITIONS_FOLDER

# The same policy the proxy puts on every file it serves: a file is never a page.
FILE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"


def file_inside(root: Path, relative: str) -> Path | None:
    """The regular file `relative` names inside `root`, or None if it names anything else.

    Refused before touching the disk: absolute paths, NUL, backslashes, empty, `.`
    and `..` segments, also once Unicode compatibility forms are folded (a
    full-width `．．` or `／` becomes `..` or `/` on some systems and in some tools).
    After that the path is resolved (symbolic links included) and must still be
    inside `root`.
    """
    folded = unicodedata.normalize("NFKC", relative)
    if "\x00" in folded or "\\" in folded or folded.startswith("/"):
        return None
    if any(segment in {"", ".", ".."} for segment in folded.split("/")):
        return None
    base = root.resolve()
    try:
        candidate = (base / relative).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return None
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


@require_safe
def public_image(request: HttpRequest, path: str) -> FileResponse:
    """An image rendition from MEDIA_ROOT/images/; a plain 404 for anything else."""
    found = file_inside(Path(settings.MEDIA_ROOT) / RENDITIONS_FOLDER, path)
    if found is None:
        raise Http404(_("Geen afbeelding"))
    try:
        handle = found.open("rb")
    except OSError as error:
        raise Http404(_("Geen afbeelding")) from error
    response = FileResponse(handle)
    response["Content-Security-Policy"] = FILE_POLICY
    response["Cache-Control"] = "public, max-age=86400"
    return response
