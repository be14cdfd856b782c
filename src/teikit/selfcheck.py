"""The converter's self-check: the TEI must hold every word, note and page marker of its input.

Every conversion runs :func:`check_conversion` on the tree it built before anything is
written. The check does not trust the reader: it reads the input text again on its own, with
a handful of rules that only remove what the page adds around the text, and compares that
with a direct walk of the TEI body. The two sides are token streams:

- **the input**: every line's words in order, each with its line number, after removing
  the page's decorations (:data:`DECORATIONS`): list bullets (``- ``, ``  • ``), the labels
  of a style-B note list (``  1. ``, only in the trailing indented run where the notes
  stand), return arrows (``↩``, with the U+FE0E a browser copies after one); a page marker
  (``[Page 722]``, ``[Facsimile Page 3]``) becomes a token of its own.
- **the TEI**: the words of the body in document order, where each footnote is replaced by
  its marker (its ``n``) glued to the text before it, and the note's own words are set
  aside; then the notes' words, note after note in document order (the order of the page's
  trailing list); each ``pb`` is a page-marker token where it stands. A note the text gives
  no marker for (``anchored="false"``) adds no marker. An inline source note
  (``rend="inline"``) is body text.

The normalisation for markers: the converter takes a marker out of the word it is glued to
(``Kong1`` becomes ``Kong`` + note 1) and removes the white space before a marker set off by
a space (``Kong 1``). Gluing the ``n`` back restores the input's word exactly for a glued
marker; for a spaced one the TEI word ``Kong1`` may stand for the input's ``Kong`` ``1``, and
only there: the join is accepted only where every seam falls exactly at a marker the TEI
placed, so a lost space between two ordinary words, a lost marker (``Kong1`` against
``Kong``), a marker read with the wrong number, a lost word, note or page marker, and any
added word all still differ.

A difference raises :class:`SelfCheckError`: the input line where the two streams part and
what the TEI lacks, adds or changes there.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from teikit.errors import InputError, Problem
from teikit.tei.names import TEI_NS

#: Page markers, as the page shows them; each becomes one token of the stream.
PAGE_MARKER = re.compile(r"\[(?:(Facsimile|Typeset) )?Page ([0-9]+|[ivxlcdm]+)\]")

#: What the page adds around the text, removed from every input line before it is split
#: into words: (name, pattern, where it applies). "list" applies to the lines of the
#: trailing note list only (style B numbers its notes 1, 2, 3 … whatever their markers).
DECORATIONS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("style-A bullet", re.compile(r"^- "), "all"),
    ("style-B bullet", re.compile(r"^\s+[•·▪◦]\s"), "all"),
    ("note-list label", re.compile(r"^\s+(?:\d{1,3}[a-z]?|[*†‡§‖¶]{1,4})\.\s"), "list"),
    ("return arrow", re.compile("↩\ufe0e?"), "all"),
)
#: A line that ends the body in style B: flush left, or a body bullet.
_FLUSH = re.compile(r"^(?:\S|\s+[•·▪◦]\s)")
#: TEI elements that stand inside a word's run of text (no word boundary around them).
_INLINE = frozenset({"hi"})
#: What a note marker looks like, for naming a lost one in a message.
_MARKER = re.compile(r"\d{1,3}[a-z]?|[*†‡§‖¶]{1,4}")
#: How many tokens a message quotes at most.
_QUOTE = 8
#: How far past the parting point the description of a difference looks.
_WINDOW = 400


@dataclass(frozen=True)
class Token:
    """One word or page marker of a stream; ``line`` is the input line (0 for TEI tokens).

    ``seams`` are the offsets inside ``text`` where a note marker the TEI placed begins:
    the only places where the input may have had a space the TEI does not keep.
    """

    text: str
    line: int = 0
    seams: tuple[int, ...] = ()
    note: str | None = None  # the n of the note whose text holds this TEI token


class SelfCheckError(InputError):
    """The TEI made from an input lost, added or changed words, notes or page markers.

    The conversion is not written. Carries the :class:`~teikit.errors.Problem` that names the
    input line where input and TEI part.
    """


def _page_token(kind: str | None, n: str) -> str:
    return f"[{kind.capitalize()} Page {n}]" if kind else f"[Page {n}]"


def input_tokens(lines: Sequence[str]) -> list[Token]:
    """Read the words and page markers of a page text, each with its 1-based line number.

    Args:
        lines: the decoded input lines.

    Returns:
        The tokens in input order, decorations removed (see :data:`DECORATIONS`).
    """
    flush = [i for i, line in enumerate(lines) if line.strip() and _FLUSH.match(line)]
    notes_from = flush[-1] + 1 if flush else 0
    tokens: list[Token] = []
    for index, line in enumerate(lines):
        for _name, pattern, where in DECORATIONS:
            if where == "all" or index >= notes_from:
                line = pattern.sub(" ", line)
        number = index + 1
        start = 0
        for match in PAGE_MARKER.finditer(line):
            tokens.extend(Token(w, number) for w in line[start:match.start()].split())
            tokens.append(Token(_page_token(match.group(1), match.group(2)), number))
            start = match.end()
        tokens.extend(Token(w, number) for w in line[start:].split())
    return tokens


class _Stream:
    """Collects the text of one TEI stream as pieces, then splits it into tokens."""

    def __init__(self, note: str | None = None) -> None:
        self.note = note
        self.pieces: list[tuple[str, str]] = []  # (kind, text): kind "text", "marker", "gap"

    def text(self, value: str | None) -> None:
        if value:
            self.pieces.append(("text", value))

    def marker(self, n: str) -> None:
        self.pieces.append(("marker", n))

    def gap(self) -> None:
        self.pieces.append(("gap", " "))

    def page(self, token: str) -> None:
        self.pieces.append(("page", token))

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        word, seams = "", []

        def flush() -> None:
            nonlocal word, seams
            if word:
                out.append(Token(word, seams=tuple(seams), note=self.note))
            word, seams = "", []

        for kind, value in self.pieces:
            if kind == "marker":
                if word:
                    seams.append(len(word))
                word += value
            elif kind == "page":
                flush()
                out.append(Token(value, note=self.note))
            elif kind == "gap":
                flush()
            else:
                parts = re.split(r"(\s+)", value)
                for k, part in enumerate(parts):
                    if k % 2:
                        flush()
                    else:
                        word += part
        flush()
        return out


def tei_tokens(root: etree._Element) -> list[Token]:
    """Read the words and page markers of a TEI document's body in input order.

    Args:
        root: the ``<TEI>`` element (or any element holding one ``<body>``).

    Returns:
        The body's tokens with each note marker glued where the note stands, then the
        notes' tokens in document order (see the module doc).
    """
    body = root if etree.QName(root).localname == "body" else root.find(f".//{{{TEI_NS}}}body")
    if body is None:
        return []
    main = _Stream()
    notes: list[_Stream] = []

    def walk(element: etree._Element, out: _Stream) -> None:
        out.text(element.text)
        for child in element:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                out.text(child.tail)
                continue
            name = etree.QName(child).localname
            if name == "note" and child.get("rend") != "inline":
                n = child.get("n") or ""
                if child.get("anchored") != "false":
                    out.marker(n)
                inner = _Stream(n)
                notes.append(inner)
                walk(child, inner)
            elif name == "pb":
                out.page(_page_token(child.get("type"), child.get("n") or ""))
            elif name in _INLINE:
                walk(child, out)
            else:
                out.gap()
                walk(child, out)
                out.gap()
            out.text(child.tail)

    walk(body, main)
    tokens = main.tokens()
    for stream in notes:
        tokens.extend(stream.tokens())
    return tokens


def _joins(tei: Token, source: Sequence[Token], i: int) -> int:
    """Return how many input tokens from ``i`` the TEI token stands for when the input set
    its markers off by spaces (0 when it does not): the seams must all fall at markers."""
    text = tei.text
    if not tei.seams or not text.startswith(source[i].text):
        return 0
    at, k = len(source[i].text), 1
    while at < len(text) and i + k < len(source):
        if at not in tei.seams:
            return 0
        piece = source[i + k].text
        if not text.startswith(piece, at):
            return 0
        at, k = at + len(piece), k + 1
    return k if at == len(text) and k > 1 else 0


def _part(source: Sequence[Token], tei: Sequence[Token]) -> tuple[int, int] | None:
    """Walk both streams; return where they part (input index, TEI index), or None."""
    i = j = 0
    while i < len(source) and j < len(tei):
        if source[i].text == tei[j].text:
            i, j = i + 1, j + 1
            continue
        taken = _joins(tei[j], source, i)
        if not taken:
            return i, j
        i, j = i + taken, j + 1
    if i == len(source) and j == len(tei):
        return None
    return i, j


def _quote(tokens: Iterable[Token]) -> str:
    words = [t.text for t in tokens]
    text = " ".join(words[:_QUOTE]) + (" …" if len(words) > _QUOTE else "")
    return f"“{text}”"


def _what(tokens: Sequence[Token]) -> str:
    pages = [t for t in tokens if PAGE_MARKER.fullmatch(t.text)]
    if pages and len(pages) == len(tokens):
        return "the page marker" + ("s " if len(pages) > 1 else " ") + _quote(pages)
    return ("the word " if len(tokens) == 1 else "the words ") + _quote(tokens)


def _where(tokens: Sequence[Token]) -> str:
    notes = {t.note for t in tokens if t.note is not None}
    if len(notes) == 1:
        return f" in note {notes.pop()}"
    return ""


def _moved(words: list[str], other: Sequence[Token], ops: list[tuple], tag: str) -> bool:
    """Tell whether a later opposite edit (``tag``) takes the same words: a move."""
    for op, a0, a1, b0, b1 in ops:
        lo, hi = (b0, b1) if tag == "insert" else (a0, a1)
        if op in (tag, "replace") and [t.text for t in other[lo:hi]] == words:
            return True
    return False


def describe(source: Sequence[Token], tei: Sequence[Token], at: tuple[int, int],
             lines_in_input: int) -> tuple[int, str]:
    """Say where and how the streams part: (input line, message)."""
    i, j = at
    a, b = source[i:i + _WINDOW], tei[j:j + _WINDOW]
    matcher = difflib.SequenceMatcher(None, [t.text for t in a], [t.text for t in b],
                                      autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    tag, a0, a1, b0, b1 = ops[0]
    line = a[a0].line if a0 < len(a) else (source[-1].line if source else lines_in_input)
    if tag == "delete":
        if _moved([t.text for t in a[a0:a1]], b, ops[1:], "insert"):
            return line, (f"the TEI has {_what(a[a0:a1])} of the input later than the "
                          "input has them (out of order)")
        return line, f"the TEI lacks {_what(a[a0:a1])} of the input"
    if tag == "insert":
        if _moved([t.text for t in b[b0:b1]], a, ops[1:], "delete"):
            return line, (f"the TEI has {_what(b[b0:b1])}{_where(b[b0:b1])} here, earlier "
                          "than the input has them (out of order)")
        return line, f"the TEI adds {_what(b[b0:b1])}{_where(b[b0:b1])}, not in the input"
    lost = ""
    if a1 - a0 == 1 and b1 - b0 == 1 and a[a0].text.startswith(b[b0].text) and \
            _MARKER.fullmatch(a[a0].text[len(b[b0].text):]):
        lost = f" (the note marker “{a[a0].text[len(b[b0].text):]}” is lost)"
    return line, (f"the input's {_quote(a[a0:a1])} is {_quote(b[b0:b1])}{_where(b[b0:b1])} "
                  f"in the TEI{lost}")


def check_conversion(name: str, lines: Sequence[str], root: etree._Element) -> None:
    """Check that the TEI holds exactly the input's words, notes and page markers, in order.

    Args:
        name: the input's name, for the message.
        lines: the decoded input lines.
        root: the TEI made from them.

    Raises:
        SelfCheckError: naming the input line where input and TEI part, and the difference.
    """
    source = input_tokens(lines)
    tei = tei_tokens(root)
    at = _part(source, tei)
    if at is None:
        return
    line, message = describe(source, tei, at, len(lines))
    raise SelfCheckError(Problem(
        name, line, f"self-check failed: {message}; the TEI was not written",
        "a converter fault: report it with this input", "self-check"))
