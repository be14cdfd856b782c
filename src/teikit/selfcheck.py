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
what the TEI lacks, adds, changes or puts out of order there.

The check is compact: each side is one string (:class:`Stream`), its words separated by single
spaces, and the two are compared a chunk at a time in C; Python steps in only at the seams of
the notes the TEI placed and where the strings differ. No list of words is made, so its
memory is a few copies of the text however many words it has; only a difference makes the
word lists of a window of :data:`_WINDOW` words around it, for the diff that names it
(``bench/bench_convert_selfcheck.py`` measures its time and memory).

What the check does not judge is structure: which element holds a word, or which digits are
a marker (``19542`` read as 1954 + note 2 or as 195 + note 42 is the same stream). The
variant fixtures and the dev-set scores judge that; this check guarantees that whatever the
reader decides, nothing of the input is dropped, invented or reordered.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections.abc import Iterator, Sequence
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
    ("style-A bullet", re.compile(r"^(?:↩\ufe0e?)?- "), "all"),
    ("bare style-A note bullet", re.compile(r"^-\s*$"), "notes-a"),
    ("style-B bullet", re.compile(r"^\s+[•·▪◦]\s"), "all"),
    ("note-list label", re.compile(r"^\s+(?:\d{1,3}[a-z]?|[*†‡§‖¶]{1,4})\.\s"), "list"),
    ("return arrow", re.compile("↩\ufe0e?"), "all"),
)
_ARROW = DECORATIONS[-1][1]
#: A line that ends a style-A note: the "notes-a" decorations apply only after the first one.
_NOTE_END = re.compile("↩\ufe0e?\\s*$")
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


def _undecorated(lines: Sequence[str]) -> Iterator[str]:
    last_flush = -1
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip() and _FLUSH.match(lines[index]):
            last_flush = index
            break
    first_note_end = next((k for k, text in enumerate(lines) if _NOTE_END.search(text)), len(lines))
    for index, line in enumerate(lines):
        for _name, pattern, where in DECORATIONS:
            if (
                where == "all"
                or (where == "list" and index > last_flush)
                or (where == "notes-a" and index > first_note_end)
            ):
                line = pattern.sub(" ", line) if "↩" in line or pattern is not _ARROW else line
        yield line


def undecorated(lines: Sequence[str]) -> list[str]:
    """Return the input lines with the page's decorations (:data:`DECORATIONS`) replaced
    by spaces: what is left of each line is its text, as the check reads it.

    Args:
        lines: the decoded input lines.

    Returns:
        One string per input line.
    """
    return list(_undecorated(lines))


class _Words:
    """Collects text pieces as the words they hold, separated by single spaces, turning
    them into words every :data:`_PIECES` pieces: no list of all the words, nor of all the
    pieces, is kept (a word across the end of a batch waits for the next one)."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.pieces: list[str] = []  # append to it; call spill() when it grows long

    def spill(self, final: bool = False) -> None:
        """Turn the pieces collected so far into words (all of them when ``final``)."""
        text = "".join(self.pieces)
        self.pieces.clear()
        if not final:
            cut = len(text)
            while cut > 0 and not text[cut - 1].isspace():
                cut -= 1
            if cut < len(text):
                self.pieces.append(text[cut:])  # a word that may go on in the next piece
            text = text[:cut]
        chunk = " ".join(text.split())
        if chunk:
            self.chunks.append(chunk)

    def text(self) -> str:
        """Return every word added, separated by single spaces."""
        self.spill(final=True)
        return " ".join(self.chunks)


#: How many pieces :class:`_Words` collects before it turns them into words.
_PIECES = 4096


def _streams(body: etree._Element) -> tuple[_Words, list[tuple[str, _Words]]]:
    """Return the body's words, markers glued after a :data:`SEAM` and white space at element
    boundaries, and each note's (n, words), in document order."""
    main = _Words()
    notes: list[tuple[str, _Words]] = []

    def walk(element: etree._Element, out: _Words) -> None:
        pieces = out.pieces
        if element.text:
            pieces.append(element.text)
        for child in element:
            tag = child.tag
            if isinstance(tag, str):  # not a comment or processing instruction
                name = tag[tag.find("}") + 1 :]
                if name == "note" and child.get("rend") != "inline":
                    n = child.get("n") or ""
                    if child.get("anchored") != "false":
                        pieces.append(SEAM + n)
                    inner = _Words()
                    notes.append((n, inner))
                    walk(child, inner)
                elif name == "pb":
                    pieces.append(f" {_page_word(child.get('type'), child.get('n') or '')} ")
                elif name in _INLINE:
                    walk(child, out)
                else:
                    pieces.append(" ")
                    walk(child, out)
                    pieces.append(" ")
            if child.tail:
                pieces.append(child.tail)
            if len(pieces) > _PIECES:
                out.spill()

    walk(body, main)
    return main, notes


def _body(root: etree._Element) -> etree._Element | None:
    if etree.QName(root).localname == "body":
        return root
    return root.find(f".//{{{TEI_NS}}}body")


#: A word of a stream.
_WORD = re.compile(r"\S+")
#: How much text :func:`_normal` and :class:`_Words` split into words at a time.
_NORMAL_CHUNK = 1 << 16


def _normal(text: str) -> str:
    """The words of ``text`` separated by single spaces. A long text is split a chunk at a
    time, so that no list of all its words is ever made."""
    if len(text) <= _NORMAL_CHUNK:
        return " ".join(text.split())
    chunks: list[str] = []
    at = 0
    while at < len(text):
        end = at + _NORMAL_CHUNK
        if end < len(text):  # cut at white space, so that no word is split
            while end < len(text) and not text[end].isspace():
                end += 1
        chunk = " ".join(text[at:end].split())
        if chunk:
            chunks.append(chunk)
        at = end
    return " ".join(chunks)


@dataclass
class Stream:
    """One side of the check as one string: its words separated by single spaces.

    ``starts`` holds the offset of each part's first word: of each input line (for line
    numbers), or of the body and then of each note (for naming a note); ``names`` the part
    names (for the TEI, None for the body and each note's n).
    """

    text: str
    starts: list[int]
    names: list[str | None]

    @classmethod
    def of(cls, parts: Sequence[str], names: Sequence[str | None]) -> Stream:
        """Join parts (each already :func:`_normal`) into one stream."""
        starts: list[int] = []
        kept: list[str] = []
        at = 0
        for part in parts:
            starts.append(at)
            if part:
                kept.append(part)
                at += len(part) + 1
        return cls(" ".join(kept), starts, list(names))

    def part(self, offset: int) -> int:
        """Return the index of the part that holds the word at ``offset`` (the last one
        past the end)."""
        return max(0, bisect.bisect_right(self.starts, min(offset, len(self.text) - 1)) - 1)

    def words(self, offset: int, count: int) -> list[tuple[int, str]]:
        """Return up to ``count`` (offset, word) pairs from the word that holds ``offset``."""
        start = self.text.rfind(" ", 0, offset) + 1
        found = _WORD.finditer(self.text, start)
        return [(match.start(), match.group()) for match in itertools.islice(found, count)]


def _input_text(lines: Sequence[str]) -> str:
    """The text of :func:`input_stream` alone (no line offsets): what the check compares."""
    words = _Words()
    pieces = words.pieces
    for line in _undecorated(lines):
        pieces.append(PAGE_MARKER.sub(_page_sub, line) if "Page" in line else line)
        pieces.append("\n")
        if len(pieces) > _PIECES:
            words.spill()
    return words.text()


def input_stream(lines: Sequence[str]) -> Stream:
    """Read the words and page markers of a page text as one :class:`Stream`, one part per
    line (decorations removed, see :data:`DECORATIONS`; each page marker one word)."""
    parts: list[str] = []
    for line in _undecorated(lines):
        if "Page" in line:
            line = PAGE_MARKER.sub(_page_sub, line)
        parts.append(_normal(line))
    return Stream.of(parts, [None] * len(parts))


def tei_stream(root: etree._Element) -> Stream:
    """Read the words and page markers of a TEI body as one :class:`Stream`: the body with
    a :data:`SEAM` before each marker the TEI placed, then each note's words."""
    body = _body(root)
    if body is None:
        return Stream("", [], [])
    main, notes = _streams(body)
    parts = [main.text(), *(words.text() for _n, words in notes)]
    return Stream.of(parts, [None, *(n for n, _words in notes)])


def input_words(lines: Sequence[str]) -> InputWords:
    """Read the words and page markers of a page text as a list (for tests and tools).

    Args:
        lines: the decoded input lines.

    Returns:
        The words in input order, decorations removed (see :data:`DECORATIONS`), each page
        marker one word, with the line each word stands on.
    """
    words: list[str] = []
    starts: list[int] = []
    for line in _undecorated(lines):
        if "Page" in line:
            line = PAGE_MARKER.sub(_page_sub, line)
        starts.append(len(words))
        words.extend(line.split())
    return InputWords(words, starts)


def tei_words(root: etree._Element) -> TeiWords:
    """Read the words and page markers of a TEI document's body in input order, as a list.

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
    words = main.text().split()
    starts: list[tuple[int, str]] = []
    for n, note in notes:
        starts.append((len(words), n))
        words.extend(note.text().split())
    return TeiWords(words, starts, [w.replace(SEAM, "") for w in words])


#: The chunk sizes in which the streams are compared: from small (notes close together)
#: doubling to large (long runs without a note).
_FIRST_CHUNK, _LAST_CHUNK = 64, 1 << 16


def _common(a: str, i: int, b: str, j: int) -> int:
    """Return the length of the common prefix of ``a[i:]`` and ``b[j:]``."""
    size, done = _FIRST_CHUNK, 0
    while True:
        x, y = a[i + done : i + done + size], b[j + done : j + done + size]
        if x == y:
            if len(x) < size:
                return done + len(x)
            done, size = done + size, min(size * 2, _LAST_CHUNK)
            continue
        lo, hi = 0, min(len(x), len(y))
        while lo < hi:  # the first offset where they differ
            mid = (lo + hi) // 2
            if x[: mid + 1] == y[: mid + 1]:
                lo = mid + 1
            else:
                hi = mid
        return done + lo


def part_at(source: str, marked: str) -> tuple[int, int] | None:
    """Compare the input stream with the TEI stream; return the offsets where they part,
    or None when the TEI holds exactly the input's words.

    A :data:`SEAM` in the TEI stream is where a placed marker begins: it stands for nothing
    (the input glued the marker to the word) or for one space (the input set it off).
    """
    i = j = 0
    n, m = len(source), len(marked)
    while True:
        k = _common(source, i, marked, j)
        i, j = i + k, j + k
        if i == n and j == m:
            return None
        if j < m and marked[j] == SEAM:
            if i < n and source[i] == " ":
                i += 1
            j += 1
            continue
        return i, j


def _aligned(source: str, marked: str, at: tuple[int, int]) -> tuple[int, int]:
    """Move the parting offsets back to the start of the TEI word that holds them, and the
    input offset with it to the start of the input word that matched there."""
    i, j = at
    start = marked.rfind(" ", 0, j) + 1
    while j > start:
        j -= 1
        # a seam (past the word's start) stands for the input's space before a marker
        if marked[j] != SEAM or (j > start and source[i - 1] == " "):
            i -= 1
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


def describe(source: Stream, tei: Stream, at: tuple[int, int]) -> tuple[int, str]:
    """Say where and how the streams part at offsets ``at``: (input line, message)."""
    i, j = _aligned(source.text, tei.text, at)
    a_words, b_words = source.words(i, _WINDOW), tei.words(j, _WINDOW)
    a = [w for _o, w in a_words]
    b = [w.replace(SEAM, "") for _o, w in b_words]
    here = a_words[0][0] if a_words else len(source.text)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not ops:  # the streams differ only past the window's end
        return source.part(here) + 1, "the TEI and the input differ in their words from here"
    tag, a0, a1, b0, b1 = ops[0]
    line = source.part(a_words[a0][0] if a0 < len(a_words) else len(source.text)) + 1
    notes = {tei.names[tei.part(b_words[k][0])] for k in range(b0, b1)}
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
    tei = tei_stream(root)
    at = part_at(_input_text(lines), tei.text)
    if at is None:
        return
    source = input_stream(lines)  # the same text, with where each line starts
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
