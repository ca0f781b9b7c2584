"""Path traversal as an attacker tries it: canary files, spellings of `..`, and routes.

A *canary* is a file with bytes found nowhere else, planted where a request must
never reach it: in the private storage, and where an older installation kept its
private files (MEDIA_ROOT/documents/ and so on, outside the renditions folder). A
response that contains those bytes has served a file it must not serve.

The URL patterns come from walking Django's URL resolver, so a route added later is
walked too. Every route that captures a path (a `path` converter, or a regex capture
with `.+` or `.*`) must be listed in FILE_ROUTES, or a test fails.
"""

import functools
import itertools
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, UUIDConverter
from django.utils.regex_helper import normalize

# Routes that take a path or a file name from the URL, as `str()` of their patterns
# joined, with the statuses they may answer to a traversal attempt.
NOT_FOUND = frozenset({400, 404})
FILE_ROUTES = {
    # Ours (SERVE_MEDIA only): the public renditions.
    "media/images/<path:path>": NOT_FOUND,
    # Wagtail's document view: /documents/<id>/<file name>, any text as file name.
    "documents/^(\\d+)/(.*)$": NOT_FOUND,
}
# Routes that capture a path-like text but serve pages, not files: they may answer
# with a page or a redirect, never with a file.
PAGE_ROUTES = {
    # allauth's password reset link (the key may hold anything).
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
}
# The same canary names under each root (MEDIA_ROOT for the old layout).
CANARY_NAMES = [
    "documents/canary.pdf",
    "original_images/canary.jpg",
    "profiles/canary.jpg",
    "canary.txt",
]


@dataclass
class Canaries:
    """Canary files planted under a private root and a public root's old layout."""

    content: bytes
    paths: list[Path] = field(default_factory=list)

    def found_in(self, body: bytes) -> bool:
        return self.content in body


def plant_canaries(*, private_root: Path, media_root: Path) -> Canaries:
    canaries = Canaries(content=f"IVHO-CANARY-{uuid.uuid4().hex}".encode())
    for root in (Path(private_root), Path(media_root)):
        for name in CANARY_NAMES:
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(canaries.content)
            canaries.paths.append(path)
    return canaries


# Spellings of `..` and of `/` that decoders, filters and file systems have been
# known to turn into a step up: (parent, separator) pairs.
SPELLINGS = [
    ("..", "/"),
    (".%2e", "/"),
    ("%2e%2e", "/"),
    ("..", "%2f"),
    ("%2e%2e", "%2f"),
    ("..", "%252f"),  # encoded twice
    ("%252e%252e", "%252f"),
    ("..", "\\"),
    ("..", "%5c"),
    ("%2e%2e", "%5c"),
    ("..", "%255c"),
    ("\uff0e\uff0e", "/"),  # full-width full stops
    ("%EF%BC%8E%EF%BC%8E", "/"),  # the same, percent-encoded UTF-8
    ("\uff0e\uff0e", "\uff0f"),  # and a full-width solidus
    ("%EF%BC%8E%EF%BC%8E", "%EF%BC%8F"),
    ("..", "%c0%af"),  # an overlong UTF-8 "/"
    ("..;", "/"),  # path parameters, as some servers strip them
]
# Separators that a server's single decoding does not turn into "/": the whole
# attempt stays inside one URL segment (for `<str:…>` and `<slug:…>` captures).
ONE_SEGMENT = {"%252f", "\\", "%5c", "%255c", "\uff0f", "%EF%BC%8F", "%c0%af"}


def traversal_paths(relative: str, *, one_segment: bool = False) -> list[str]:
    """`relative` (a POSIX path with `..` segments) in every spelling above.

    Also "....//" for each `..` (a filter that strips "../" once leaves "../"), and
    the plain path with a leading "/" (some joins then start at the root).
    """
    segments = relative.split("/")
    tails = [
        separator.join(parent if segment == ".." else segment for segment in segments)
        for parent, separator in SPELLINGS
        if not one_segment or separator in ONE_SEGMENT
    ]
    if not one_segment:
        tails.append(relative.replace("../", "....//"))
        tails.append("/" + relative)
    return tails


def absolute_paths(path: Path) -> list[str]:
    """An absolute file path as URL path tails: plain, encoded, NUL-terminated."""
    plain = str(path)
    return [
        plain,
        plain.replace("/", "%2f"),
        "../" + plain + "%00.jpg",
        "..%2f" * 12 + plain.lstrip("/").replace("/", "%2f"),
    ]


@dataclass(frozen=True)
class Route:
    """One URL pattern, with the prefixes it is included under."""

    route: str  # the patterns' str() joined, e.g. "documents/<int:document_id>/..."
    url_format: str  # "documents/%(document_id)s/%(document_filename)s"
    kinds: dict  # param name -> "path", "int", "uuid" or "text"
    words: dict  # param name -> literal words in its regex group ("images", …)
    name: str | None
    regex_route: str  # what ResolverMatch.route says for this pattern

    @property
    def takes_a_path(self) -> bool:
        return "path" in self.kinds.values()

    def url(self, **values: str) -> str:
        return "/" + self.url_format % values

    def neutral_values(self, urlconf=None, choices: dict | None = None) -> dict | None:
        """Values for which this very pattern matches, to vary one param at a time.

        `choices` replaces NEUTRAL_CHOICES for some kinds (e.g. the id of a real
        document for "int"). None if no such values are found.
        """
        kind_choices = {**NEUTRAL_CHOICES, **(choices or {})}
        choices = [
            kind_choices[kind] + [f"{word}/x" for word in self.words.get(name, ())]
            for name, kind in self.kinds.items()
        ]
        for combination in itertools.product(*choices):
            values = dict(zip(self.kinds, combination, strict=True))
            try:
                match = resolve(self.url(**values), urlconf)
            except Resolver404:
                continue
            if match.route == self.regex_route:
                return values
        return None

    def variants(self, payloads: dict, urlconf=None, choices: dict | None = None) -> list[str]:
        """URLs with each payload in each param, the others neutral.

        `payloads` maps a kind of param ("path", "text" …) to the values to try.
        """
        neutral = self.neutral_values(urlconf, choices)
        assert neutral is not None, f"no URL found that {self.route} matches"
        urls = []
        for name, kind in self.kinds.items():
            # A capture that must start with a folder ("images/…") gets it first.
            folder = neutral[name].rpartition("/")[0]
            for payload in payloads.get(kind, []):
                urls.append(self.url(**{**neutral, name: payload}))
                if folder:
                    urls.append(self.url(**{**neutral, name: f"{folder}/{payload}"}))
        return urls


NEUTRAL_CHOICES = {
    "int": ["1"],
    "uuid": ["00000000-0000-4000-8000-000000000000"],
    "text": ["x", "1", "", "x" * 32],
    "path": ["x", "1", "", "x" * 32],
}


def url_routes(urlconf=None) -> list[Route]:
    """Every URL pattern the resolver knows, with a format to build URLs from."""
    return [_route(chain) for chain in _walk(get_resolver(urlconf).url_patterns, ())]


def _walk(patterns, prefix):
    for pattern in patterns:
        chain = (*prefix, pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, chain)
        else:
            yield chain



def _route(chain) -> Route:
    url_format, kinds, words = "", {}, {}
    for position, item in enumerate(chain):
        pattern = item.pattern
        piece_format, piece_params = normalize(pattern.regex.pattern)[0]
        converters = getattr(pattern, "converters", {})
        groups = _regex_groups(pattern.regex.pattern)
        for index, name in enumerate(piece_params):
            group = groups[index] if index < len(groups) else ""
            kind = _kind(converters.get(name), group)
            if name.startswith("_"):
                # Unnamed regex groups are _0, _1 … in every piece: keep them apart.
                new = f"_{position}{name}"
                piece_format = piece_format.replace(f"%({name})s", f"%({new})s")
                name = new
            kinds[name] = kind
            literal = _CHARACTER_CLASS.sub("", group.removeprefix(f"(?P<{name}>"))
            words[name] = _WORD.findall(literal)
        url_format += piece_format
    return Route(
        route="".join(str(item.pattern) for item in chain),
        url_format=url_format,
        kinds=kinds,
        words=words,
        name=chain[-1].name,
        regex_route=functools.reduce(_join_route, (str(item.pattern) for item in chain), ""),
    )


def _join_route(first: str, second: str) -> str:
    # As Django joins them for ResolverMatch.route: a later piece loses its "^".
    return second if not first else first + second.removeprefix("^")


def _regex_groups(regex: str) -> list[str]:
    """The text of each capturing group, in the order of their opening brackets."""
    groups, open_at, index = [], [], 0
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 1
        elif char == "[":
            index = regex.index("]", index + 2 if regex[index + 1] == "]" else index + 1)
        elif char == "(":
            capturing = not regex.startswith("(?", index) or regex.startswith("(?P<", index)
            open_at.append((index, capturing))
        elif char == ")":
            start, capturing = open_at.pop()
            if capturing:
                groups.append((start, regex[start : index + 1]))
        index += 1
    return [text for _start, text in sorted(groups)]


_GREEDY = re.compile(r"\.[+*]")
_WORD = re.compile(r"(?<![\\?])\b[A-Za-z_]{2,}\b")
_CHARACTER_CLASS = re.compile(r"\[[^\]]*\]")
_DIGITS_ONLY = re.compile(r"^\((?:\?P<\w+>)?(?:\\d|\[0-9\])[+*]\)$")


def _kind(converter, group: str) -> str:
    """What a param takes: "path", "int", "uuid" or "text"."""
    if converter is not None:
        if isinstance(converter, PathConverter):
            return "path"
        if isinstance(converter, IntConverter):
            return "int"
        if isinstance(converter, UUIDConverter):
            return "uuid"
        return "text"
    if _GREEDY.search(group):
        return "path"
    if _DIGITS_ONLY.match(group):
        return "int"
    return "text"


def relative_target(from_folder: Path, target: Path) -> str:
    """`target` as seen from `from_folder` (with `..` segments), POSIX style."""
    return Path(os.path.relpath(target, from_folder)).as_posix()
