"""Shorthands for StreamField blocks in the raw form `BaseStreamBlock` stores.

The data modules use these so a body reads like the page it becomes, while the
values stay plain dicts and strings (rich text is HTML).
"""


def _html(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*paragraphs):
    """One rich-text block; each argument becomes its own <p>."""
    return {"type": "paragraph", "value": _html(*paragraphs)}


def callout(kind, *paragraphs):
    """kind is one of CalloutBlock's choices: "tip", "let-op" or "voorbeeld"."""
    return {"type": "callout", "value": {"kind": kind, "text": _html(*paragraphs)}}


def steps(*items):
    """A numbered procedure; each item is a title or a (title, explanation) pair."""
    pairs = [(item, "") if isinstance(item, str) else item for item in items]
    return {
        "type": "steps",
        "value": {"steps": [{"title": title, "text": _html(text) if text else ""}
                            for title, text in pairs]},
    }


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}
