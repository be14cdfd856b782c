"""The id grammar of teikit TEI (the same as the Office of the Historian's).

- ``TEI/@xml:id``: ``<volume>-d<N>`` (``frus1958-60v19-d352``), or ``frus-d<N>`` when the
  volume is not known (``d<N>`` alone would clash with the document div's id).
- document div: ``d<N>``.
- note: ``d<N>fn<n>`` where ``n`` is the marker (``d352fn0``, ``d50fn47``); a symbol marker
  is spelled by name (``d50fnast``, ``d50fndagger``); a second note with the same id gets
  ``_2``, ``_3``.
- page break: ``pg_<n>``; a facsimile or typeset page: ``pg_facsimile_<n>``, ``pg_typeset_<n>``;
  a page marker the text repeats (in a note that quotes the page, say) gets ``_2``, ``_3``.
"""

from __future__ import annotations

SYMBOL_NAMES = {
    "*": "ast",
    "†": "dagger",
    "‡": "ddagger",
    "§": "sect",
    "‖": "parallel",
    "¶": "para",
}


def tei_id(volume: str | None, number: int | None) -> str:
    """Return the file's id (and file name stem)."""
    doc = f"d{number}" if number is not None else "d0"
    return f"{volume}-{doc}" if volume else f"frus-{doc}"


def marker_name(n: str) -> str:
    """Spell a note marker for an id: digits stay, symbols become names."""
    if n.isdigit() or (n[:-1].isdigit() and n[-1:] in "abcd"):
        return n  # a letter-suffixed number (``19a``) is a valid id part as it stands
    return "".join(SYMBOL_NAMES.get(ch, f"u{ord(ch):04x}") for ch in n)


def page_id(n: str, kind: str = "") -> str:
    """Return the id of a page break."""
    return f"pg_{kind}_{n}" if kind else f"pg_{n}"


class IdRegistry:
    """Hands out unique ids, adding ``_2``, ``_3`` … to repeats."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        count = self._seen.get(wanted, 0) + 1
        self._seen[wanted] = count
        return wanted if count == 1 else f"{wanted}_{count}"
