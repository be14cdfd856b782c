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
what the TEI lacks, adds, changes or puts out of order there. The common case costs two
``str.split`` passes and one list comparison; only a spaced marker or a difference takes the
slower walk and the diff that names it (``bench/bench_convert_selfcheck.py`` measures it).

What the check does not judge is structure: which element holds a word, or which digits are
a marker (``19542`` read as 1954 + note 2 or as 195 + note 42 is the same stream). The
variant fixtures and the dev-set scores judge that; this check guarantees that whatever the
reader decides, nothing of the input is dropped, invented or reordered.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
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


class SelfCheckError(InputError):
    """The TEI made from an input lost, added or changed words, notes or page markers.

    The conversion is not written. Carries the :class:`~teikit.errors.Problem` that names the
    input line where input and TEI part.
    """


#: Marks, inside a TEI word, the place where a note marker the TEI placed begins. XML cannot
#: hold U+FFFF, so no input or TEI text has it (teikit.textsource refuses it).
SEAM = "\uffff"
#: Joins the parts of a page-marker token ("[Page 722]") into one word of the stream.
_JOIN = "\ufffe"


def _page_word(kind: str | None, n: str) -> str:
    text = f"[{kind.capitalize()} Page {n}]" if kind else f"[Page {n}]"
    return text.replace(" ", _JOIN)


def _page_sub(match: re.Match[str]) -> str:
    return f" {_page_word(match.group(1), match.group(2))} "


def shown(word: str) -> str:
    """Return a stream word as a message shows it (a page marker with its spaces)."""
    return word.replace(_JOIN, " ").replace(SEAM, "")


@dataclass
class InputWords:
    """The words of an input and where each line's words start (for line numbers)."""

    words: list[str]
    starts: list[int]  # starts[k]: index of the first word of line k + 1

    def line(self, index: int) -> int:
        """Return the 1-based input line of word ``index`` (the last line past the end)."""
        return max(1, bisect.bisect_right(self.starts, min(index, len(self.words) - 1)))


@dataclass
class TeiWords:
    """The words of a TEI body in input order; a word keeps :data:`SEAM` before each
    marker the TEI placed. ``notes`` lists (index of the note's first word, note n)."""

    words: list[str]
    notes: list[tuple[int, str]]
    plain: list[str]  # the words without seams

    def note_of(self, index: int) -> str | None:
        """Return the n of the note whose text holds word ``index``, or None (body)."""
        k = bisect.bisect_right([start for start, _n in self.notes], index)
        return self.notes[k - 1][1] if k else None


def undecorated(lines: Sequence[str]) -> list[str]:
    """Return the input lines with the page's decorations (:data:`DECORATIONS`) replaced
    by spaces: what is left of each line is its text, as the check reads it.

    Args:
        lines: the decoded input lines.

    Returns:
        One string per input line.
    """
    last_flush = -1
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip() and _FLUSH.match(lines[index]):
            last_flush = index
            break
    out: list[str] = []
    for index, line in enumerate(lines):
        for _name, pattern, where in DECORATIONS:
            if where == "all" or index > last_flush:
                line = pattern.sub(" ", line)
        out.append(line)
    return out


def input_words(lines: Sequence[str]) -> InputWords:
    """Read the words and page markers of a page text.

    Args:
        lines: the decoded input lines.

    Returns:
        The words in input order, decorations removed (see :data:`DECORATIONS`), each page
        marker one word, with the line each word stands on.
    """
    words: list[str] = []
    starts: list[int] = []
    for line in undecorated(lines):
        if "Page" in line:
            line = PAGE_MARKER.sub(_page_sub, line)
        starts.append(len(words))
        words.extend(line.split())
    return InputWords(words, starts)


def _streams(body: etree._Element) -> tuple[str, list[tuple[str, str]]]:
    """Return the body's text with markers glued after a :data:`SEAM` and white space at
    element boundaries, and each note's (n, text), in document order."""
    main: list[str] = []
    notes: list[tuple[str, list[str]]] = []

    def walk(element: etree._Element, out: list[str]) -> None:
        if element.text:
            out.append(element.text)
        for child in element:
            tag = child.tag
            if isinstance(tag, str):  # not a comment or processing instruction
                name = tag[tag.find("}") + 1 :]
                if name == "note" and child.get("rend") != "inline":
                    n = child.get("n") or ""
                    if child.get("anchored") != "false":
                        out.append(SEAM + n)
                    inner: list[str] = []
                    notes.append((n, inner))
                    walk(child, inner)
                elif name == "pb":
                    out.append(f" {_page_word(child.get('type'), child.get('n') or '')} ")
                elif name in _INLINE:
                    walk(child, out)
                else:
                    out.append(" ")
                    walk(child, out)
                    out.append(" ")
            if child.tail:
                out.append(child.tail)

    walk(body, main)
    return "".join(main), [(n, "".join(parts)) for n, parts in notes]


def _body(root: etree._Element) -> etree._Element | None:
    if etree.QName(root).localname == "body":
        return root
    return root.find(f".//{{{TEI_NS}}}body")


def tei_words(root: etree._Element) -> TeiWords:
    """Read the words and page markers of a TEI document's body in input order.

    Args:
        root: the ``<TEI>`` element (or its ``<body>``).

    Returns:
        The body's words with each note marker glued where the note stands, then the
        notes' words in document order (see the module doc).
    """
    body = _body(root)
    if body is None:
        return TeiWords([], [], [])
    main, notes = _streams(body)
    words = main.split()
    starts: list[tuple[int, str]] = []
    for n, text in notes:
        starts.append((len(words), n))
        words.extend(text.split())
    return TeiWords(words, starts, [w.replace(SEAM, "") for w in words])


def _seams(word: str) -> set[int]:
    """Offsets in the word without seams where a placed marker begins."""
    found, removed = set(), 0
    at = word.find(SEAM)
    while at >= 0:
        found.add(at - removed)
        removed += 1
        at = word.find(SEAM, at + 1)
    return found


def _joins(marked: str, plain: str, source: Sequence[str], i: int) -> int:
    """Return how many input words from ``i`` the TEI word stands for when the input set
    its markers off by spaces (0 when it does not): the seams must all fall at markers."""
    if SEAM not in marked or not plain.startswith(source[i]):
        return 0
    seams = _seams(marked)
    at, k = len(source[i]), 1
    while at < len(plain) and i + k < len(source):
        if at not in seams or not plain.startswith(source[i + k], at):
            return 0
        at, k = at + len(source[i + k]), k + 1
    return k if at == len(plain) and k > 1 else 0


def _part(source: Sequence[str], tei: TeiWords) -> tuple[int, int] | None:
    """Walk both streams; return where they part (input index, TEI index), or None."""
    i = j = 0
    plain = tei.plain
    while i < len(source) and j < len(plain):
        if source[i] == plain[j]:
            i, j = i + 1, j + 1
            continue
        taken = _joins(tei.words[j], plain[j], source, i)
        if not taken:
            return i, j
        i, j = i + taken, j + 1
    if i == len(source) and j == len(plain):
        return None
    return i, j


def _quote(words: Sequence[str]) -> str:
    text = " ".join(shown(w) for w in words[:_QUOTE]) + (" …" if len(words) > _QUOTE else "")
    return f"“{text}”"


def _what(words: Sequence[str]) -> str:
    pages = [w for w in words if PAGE_MARKER.fullmatch(shown(w))]
    if pages and len(pages) == len(words):
        return "the page marker" + ("s " if len(pages) > 1 else " ") + _quote(pages)
    return ("the word " if len(words) == 1 else "the words ") + _quote(words)


def _moved(words: list[str], other: Sequence[str], ops: list[tuple], tag: str) -> bool:
    """Tell whether a later opposite edit (``tag``) takes the same words: a move."""
    for op, a0, a1, b0, b1 in ops:
        lo, hi = (b0, b1) if tag == "insert" else (a0, a1)
        if op in (tag, "replace") and list(other[lo:hi]) == words:
            return True
    return False


def describe(source: InputWords, tei: TeiWords, at: tuple[int, int]) -> tuple[int, str]:
    """Say where and how the streams part: (input line, message)."""
    i, j = at
    a, b = source.words[i : i + _WINDOW], tei.plain[j : j + _WINDOW]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not ops:  # the streams differ only past the window's end
        return source.line(i), "the TEI and the input differ in their words from here"
    tag, a0, a1, b0, b1 = ops[0]
    line = source.line(i + a0)
    notes = {tei.note_of(j + k) for k in range(b0, b1)}
    where = f" in note {notes.pop()}" if len(notes) == 1 and None not in notes else ""
    if tag == "delete":
        if _moved(a[a0:a1], b, ops[1:], "insert"):
            return line, (
                f"the TEI has {_what(a[a0:a1])} of the input later than the "
                "input has them (out of order)"
            )
        return line, f"the TEI lacks {_what(a[a0:a1])} of the input"
    if tag == "insert":
        if _moved(b[b0:b1], a, ops[1:], "delete"):
            return line, (
                f"the TEI has {_what(b[b0:b1])}{where} here, earlier "
                "than the input has them (out of order)"
            )
        return line, f"the TEI adds {_what(b[b0:b1])}{where}, not in the input"
    lost = ""
    if (
        a1 - a0 == 1
        and b1 - b0 == 1
        and a[a0].startswith(b[b0])
        and _MARKER.fullmatch(a[a0][len(b[b0]) :])
    ):
        lost = f" (the note marker “{a[a0][len(b[b0]) :]}” is lost)"
    return line, f"the input's {_quote(a[a0:a1])} is {_quote(b[b0:b1])}{where} in the TEI{lost}"


def check_conversion(name: str, lines: Sequence[str], root: etree._Element) -> None:
    """Check that the TEI holds exactly the input's words, notes and page markers, in order.

    Args:
        name: the input's name, for the message.
        lines: the decoded input lines.
        root: the TEI made from them.

    Raises:
        SelfCheckError: naming the input line where input and TEI part, and the difference.
    """
    source = input_words(lines)
    body = _body(root)
    if body is not None:
        main, notes = _streams(body)
        # The common case, at the speed of str.split: markers glued as the input has them.
        joined = " ".join([main, *(text for _n, text in notes)]).replace(SEAM, "")
        if joined.split() == source.words:
            return
    tei = tei_words(root)
    at = _part(source.words, tei)
    if at is None:
        return
    line, message = describe(source, tei, at)
    raise SelfCheckError(
        Problem(
            name,
            line,
            f"self-check failed: {message}; the TEI was not written",
            "a converter fault: report it with this input; --no-self-check writes the TEI anyway",
            "self-check",
        )
    )
