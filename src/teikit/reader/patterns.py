"""Line patterns of FRUS page text: what a heading, a classification, an identifier look like."""

from __future__ import annotations

import re

MODERN_HEAD = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")
OLDER_NUMBER = re.compile(r"^No\.\s*(\d{1,4})$")
PAGE_LINE = re.compile(r"^\[(?:(Facsimile|Typeset) )?Page ([0-9]+|[ivxlcdm]+)\]$")
BULLET_B = re.compile(r"^\s+[•·▪◦]\s+(.*)$")
BULLET_A = re.compile(r"^- (.*)$")
SUBJECT = re.compile(r"^(Subject|SUBJECT):\s*(.*)$")
NUMBERED_PARAGRAPH = re.compile(r"^\(?\d{1,4}[.)]\s")
IDENTIFIER = re.compile(r"^(?=[^a-z]*\d)[A-Z][A-Z0-9 ./–-]{1,30}$")

_CLASSIFICATION_WORDS = {
    "top", "secret", "confidential", "restricted", "unclassified", "official", "use", "only",
    "limited", "security", "information", "eyes", "personal", "and", "private", "priority",
    "niact", "urgent", "immediate", "operational", "flash", "routine", "strictly", "noforn",
    "exdis", "nodis", "limdis", "plain", "sensitive",
}
_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "by", "with", "at", "from",
    "its", "as", "vs.", "but", "nor", "into", "upon", "over", "between",
}
_TRAILING_MARKER = re.compile(r"(?<=[^\s\d])(?:\d{1,3}|[*†‡§‖¶]+)$")


def strip_trailing_marker(text: str) -> str:
    """Drop a glued trailing note marker (``Estimate1`` -> ``Estimate``) for shape tests."""
    return _TRAILING_MARKER.sub("", text.rstrip())


def is_classification(text: str) -> bool:
    """Tell whether a line is a classification or precedence line (``confidential``)."""
    words = re.findall(r"[A-Za-z]+", text)
    if not words or len(words) > 6:
        return False
    if re.search(r"[^A-Za-z\s—–/-]", text):
        return False
    # Letters spaced apart (``s e c r e t``) are joined first.
    if all(len(w) == 1 for w in words) and len(words) > 2:
        words = ["".join(words)]
    return all(w.lower() in _CLASSIFICATION_WORDS for w in words)


def is_identifier(text: str) -> bool:
    """Tell whether a line is a document identifier such as ``CA–3400`` or ``NIE–58``."""
    stripped = text.strip()
    return bool(IDENTIFIER.match(stripped)) and len(stripped.split()) <= 3


def heading_shape(text: str) -> str | None:
    """Return ``"smallcaps"`` or ``"title"`` when a line looks like a section heading.

    A heading is short, has no sentence punctuation at its end, and is either all in lower
    case (small capitals in print) or mostly capitalised (title case).
    """
    core = strip_trailing_marker(text).strip()
    if not core or not core[0].isalpha():
        return None
    words = core.split()
    if len(words) > 20 or len(core) > 160:
        return None
    if core[-1] in ".;,!?:" or NUMBERED_PARAGRAPH.match(core):
        return None
    letters = [c for c in core if c.isalpha()]
    if letters and not any(c.isupper() for c in letters):
        return "smallcaps"
    if not core[0].isupper():
        return None
    significant = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not significant:
        return None
    capitals = sum(1 for w in significant if w[0].isupper())
    if capitals * 2 >= len(significant):
        return "title"
    return None


def front_title_shape(text: str) -> str | None:
    """Return ``"title"`` for a title line in an older document's opening matter.

    Such a line starts with a capital and has no end punctuation, however its words are cased.
    """
    core = strip_trailing_marker(text).strip()
    if not core or not core[0].isupper() or core[-1] in ".;,!?:":
        return None
    if len(core.split()) > 30 or NUMBERED_PARAGRAPH.match(core):
        return None
    return "title"


def looks_like_signature(text: str) -> bool:
    """Tell whether a closing line looks like a signature (``Dulles``, ``(Signed) …``)."""
    core = text.strip()
    if re.match(r"^\((?:Signed|Sgd\.?)\)\s+\S", core):
        return True
    words = core.split()
    if not words or len(words) > 6 or core[-1] in ".;:,?!":
        return False
    return core[0].isupper() and not NUMBERED_PARAGRAPH.match(core)
