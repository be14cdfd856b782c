"""Find footnote markers in the running text.

Digits are ambiguous: ``Hong Kong1`` holds note 1, ``1954`` is a year, ``19542`` is 1954
plus note 2, ``661.93/9–1060`` is a file number. Symbols (``*†‡§‖¶``) are less so. The
resolving constraint is the note list: there are exactly as many markers as listed notes,
in the list's order, and the numeric ones run in sequence (0 or 1 for a source note at the
end of the head, then on by one; or the volume's running numbers from any start, such as
47, 48).

Every run of digits or symbols that could hold markers is a *group* with a few readings
(*options*), each with a cost. The readings, cheapest first:

- glued to a word or to closing punctuation (``Kong1``, ``estimate.*``, ``Ministers’2``): 0;
- after ``;``, ``:`` or ``)`` that follow a number (``in 1952;3``): 0;
- several markers side by side (``Dalton01`` = 0 and 1, ``(Ware)4748`` = 47 and 48): 1;
- a year with a marker glued to it (``19542`` = 1954 + 2): 1;
- after a period or comma that follow a number, at a sentence end (``April 8.1 Foreign``,
  ``August 12,1 the``): 3;
- a marker set off from its word by a space or no-break space (``Offices 1``): 6.5;
- a number that is not a year split into number + marker (``1022``): 7.5 (never a year
  itself, nor a day after its month);
- after a period that follows a number, before a lower-case word (``3. the``): 8;
- after a dash or slash that follows a number (``1949–1``): 9.

Never markers: a number at the start of a block followed by ``.`` or ``)`` (a paragraph or
heading number), a number that goes on after a point, comma, colon or slash (``661.93``,
``70,000``, ``1:03``), digits inside editorial brackets (``[1 paragraph not declassified]``; a
marker glued before the closing bracket is allowed), a number set off after a month, a
counted word (``No.``, ``p.``, ``telegram``), a number that ends no sentence (``1960, 4``)
or a word a note cannot follow (``at``, ``of``), or before a unit (``4 p.m.``, ``12 miles``).

The source line of the older layouts is not searched (it is a note itself).
A number that repeats the previous marker (the print reused a number for a second note:
1, 2, 2, 3) costs 6 more; leaving a strong candidate unused costs 2; a listed note with no
marker at all costs 20. A dynamic programme over the groups, in reading order, keeps the
cheapest reading of the whole document that places every note, under a beam, so that huge
inputs stay bounded. Readings that cost 3 or more are reported as assumptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teikit.reader.fields import TextField

SYMBOLS = "*†‡§‖¶"
#: Punctuation a marker may follow directly (``estimate.*``, ``1952;3``, ``agreements,‡``).
_CLOSERS = set(".,;:)]”’\"'?!")
#: What may follow a marker: end of text, white space, or these.
_AFTER = set(".,;:)]”’\"'?!—")

#: Words after which a separate number is counted, never a marker (``No. 5``, ``p. 45``).
_COUNTED = {
    "no.",
    "nos.",
    "p.",
    "pp.",
    "vol.",
    "vols.",
    "para.",
    "paras.",
    "paragraph",
    "paragraphs",
    "page",
    "pages",
    "article",
    "articles",
    "section",
    "chapter",
    "part",
    "annex",
    "telegram",
    "telegrams",
    "despatch",
    "dispatch",
    "tel.",
    "deptel",
    "embtel",
    "circular",
    "number",
    "numbers",
    "item",
    "items",
    "point",
    "points",
    "document",
    "documents",
    "mytel",
    "urtel",
    "reftel",
    "airgram",
    "instruction",
    "note",
    "notes",
    "letter",
    "memorandum",
    "despatches",
    "annexes",
    "table",
    "tab",
    "appendix",
    "enclosure",
    "figure",
    "line",
    "lines",
    "column",
    "room",
    "route",
    "resolution",
    "report",
    "nsc",
    "nie",
    "footnote",
    "footnotes",
    "volume",
    "series",
    "code",
    "extension",
    "ext.",
    # archive units of source lines and notes: ``Box 121`` is a box, not box and note
    "box",
    "boxes",
    "folder",
    "entry",
    "job",
}
#: Words a note marker never follows: a number after them is the phrase's own.
_FUNCTION_WORDS = {
    "at",
    "of",
    "to",
    "by",
    "for",
    "in",
    "on",
    "and",
    "or",
    "than",
    "about",
    "some",
    "over",
    "under",
    "from",
    "with",
    "the",
    "a",
    "an",
    "nearly",
    "approximately",
    "only",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "around",
    "all",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "your",
    "my",
    "per",
    "each",
    "every",
    "no",
    "any",
    "last",
    "next",
    "plus",
    "minus",
    "within",
    "after",
    "before",
    "since",
    "until",
    "till",
    "between",
    "among",
    "into",
    "almost",
    "least",
    "most",
    "exactly",
    "roughly",
    "another",
    "other",
    "first",
    "that",
    "which",
    "if",
    "when",
    "but",
    "nor",
    "so",
    "as",
    "up",
    "down",
    "out",
    "off",
    "via",
    "toward",
    "towards",
    "upon",
}
#: Words after a number that make it a quantity or a time, never number + marker.
_UNITS = {
    "a.m.",
    "p.m.",
    "a.",
    "p.",
    "am",
    "pm",
    "noon",
    "midnight",
    "o'clock",
    "o’clock",
    "percent",
    "per",
    "%",
    "miles",
    "mile",
    "hours",
    "hour",
    "days",
    "day",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "tons",
    "men",
    "troops",
    "million",
    "billion",
    "thousand",
    "hundred",
    "dollars",
    "divisions",
    "kilometers",
    "feet",
}
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
}

#: The readings of a run of digits or symbols and what each costs, cheapest first (the
#: module docstring says when each applies). The resolver keeps the cheapest reading of the
#: whole page; these figures, and the COST_ constants below, are its only tuning.
READINGS: dict[str, float] = {
    "glued": 0.0,  # ``Kong1``, ``estimate.*``
    "after-number-stop": 0.0,  # ``in 1952;3``
    "suffixed": 0.5,  # ``Aranha19a``
    "side-by-side": 1.0,  # per marker after the first: ``Dalton01``
    "year-or-day-and-marker": 1.0,  # ``19542``, ``March 141``
    "after-number-sentence-end": 3.0,  # ``April 8.1 Foreign``, ``August 12,1 the``
    "set-off": 6.5,  # ``Offices 1``
    "number-and-marker": 7.5,  # ``1022`` = 102 + 2
    "after-number-period-lower": 8.0,  # ``3. the``
    "after-dash": 9.0,  # ``1949–1``
    "lone-digit-left": 1.0,  # added when a split leaves one digit after a word: ``Embassy 3``
}
COST_UNUSED_STRONG = 2.0
COST_START_OFFSET = 1.5
COST_REPEAT = 6.0
COST_NOTE_WITHOUT_MARKER = 20.0
#: The letters older volumes add to a note number for an inserted note.
SUFFIXES = "abcd"
#: Leaving the source note without its marker at the end of the title, so that a later
#: note takes that marker: the source note belongs at the title's marker whatever its
#: number, and a marker missing further on (a dropped signature) must not shift the others.
COST_SOURCE_ELSEWHERE = 5.0
#: Readings at or above this cost are reported as assumptions.
REPORT_COST = 3.0
#: How many DP states survive each step, and how many unmarked notes may lie between two
#: markers: together they bound the work per group, whatever the input's size.
BEAM = 64
MAX_SKIP = 6
#: When the cheapest reading under :data:`BEAM` leaves a note without its marker, a page of
#: at most WIDE_BEAM_NOTES notes is solved again under WIDE_BEAM: the narrow beam can prune
#: the one path that places every note (a state that has placed more notes looks dearer
#: than one that skipped them), and on a page of that size the wide search costs little.
WIDE_BEAM = 1024
WIDE_BEAM_NOTES = 200


@dataclass(frozen=True)
class Marker:
    """One marker reading: text[start:end] is the marker ``value``."""

    start: int
    end: int
    value: str

    @property
    def number(self) -> int | None:
        return int(self.value) if self.value.isdigit() else None


@dataclass(frozen=True)
class Option:
    """One reading of a group: the markers it holds and what it costs."""

    markers: tuple[Marker, ...]
    cost: float
    why: str = ""


@dataclass
class Group:
    """A run of digits or symbols that may hold markers."""

    field: int
    start: int
    end: int
    text: str
    options: list[Option]
    strong: bool


@dataclass
class Resolution:
    """The result: anchors per note (None when the note has no marker) and findings."""

    anchors: list[tuple[int, int, int] | None]  # (field, start, end) per note
    values: list[str]
    assumptions: list[tuple[int, str]] = field(default_factory=list)  # (field, message)
    unused: list[tuple[int, str]] = field(default_factory=list)  # (field, run text)
    ambiguous: bool = False
    cost: float = 0.0
    ambiguous_at: int | None = None  # the field where two equally cheap readings part


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1600 <= int(digits) <= 2099


def _consecutive_splits(run: str) -> list[tuple[str, ...]]:
    """Split a glued run into two or more consecutive numbers: ``01`` -> (0, 1),
    ``4748`` -> (47, 48), ``123`` -> (1, 2, 3)."""
    found: list[tuple[str, ...]] = []
    for size in range(1, len(run)):
        first = run[:size]
        if first.startswith("0") and first != "0":
            continue
        parts = [first]
        rest = run[size:]
        current = int(first)
        while rest:
            following = str(current + 1)
            if not rest.startswith(following):
                break
            parts.append(following)
            rest = rest[len(following) :]
            current += 1
        if not rest and len(parts) >= 2:
            found.append(tuple(parts))
    return found


def _glued(run: str, i: int, k: int) -> list[Option]:
    """Readings of a run glued to a word or to closing punctuation."""
    options: list[Option] = []
    if run == "0" or not run.startswith("0"):
        options.append(Option((Marker(i, k, run),), READINGS["glued"]))
    for parts in _consecutive_splits(run):
        markers = []
        at = i
        for part in parts:
            markers.append(Marker(at, at + len(part), part))
            at += len(part)
        options.append(
            Option(
                tuple(markers),
                READINGS["side-by-side"] * (len(parts) - 1),
                f"read “{run}” as {len(parts)} markers side by side, " + ", ".join(parts),
            )
        )
    return options


class _Context:
    """Facts about a field's text that the readings need, each found in constant time per
    question (fields can be long: a page may hold a paragraph of a million characters)."""

    def __init__(self, text: str, in_head: bool = False) -> None:
        self.text = text
        self.in_head = in_head  # the field is (part of) the document heading
        self.brackets = "[" in text
        if self.brackets:
            # For each position: is it after an unclosed "[", and is there a "]" later?
            self.open_before = [False] * (len(text) + 1)
            depth_open = False
            for pos, ch in enumerate(text):
                self.open_before[pos] = depth_open
                if ch == "[":
                    depth_open = True
                elif ch == "]":
                    depth_open = False
            self.open_before[len(text)] = depth_open
            self.last_close = text.rfind("]")

    def inside_brackets(self, i: int) -> bool:
        """Tell whether ``i`` lies between an editorial bracket and its closing bracket."""
        return self.brackets and self.open_before[i] and self.last_close >= i

    def word_before(self, i: int) -> str:
        text = self.text
        end = i
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        return text[start:end].lower()

    def word_after(self, k: int) -> str:
        text = self.text
        start = k
        while start < len(text) and text[start].isspace():
            start += 1
        end = start
        while end < len(text) and not text[end].isspace():
            end += 1
        return text[start:end].lower()


def _digit_options(context: _Context, i: int, k: int) -> tuple[list[Option], bool]:
    text = context.text
    run = text[i:k]
    prev = text[i - 1] if i > 0 else ""
    before_prev = text[i - 2] if i > 1 else ""
    nxt = text[k] if k < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in _AFTER):
        return [], False
    if nxt in ".,:/" and text[k + 1 : k + 2].isdigit():
        return [], False  # the number goes on: ``661.93``, ``70,000``, ``1:03``
    if i == 0 and nxt in ".)" and (k + 1 >= len(text) or text[k + 1].isspace()):
        return [], False  # a paragraph, heading or label number: ``921. Deptel …``
    if context.inside_brackets(i) and not (
        nxt == "]" and prev and not prev.isspace() and prev != "["
    ):
        return [], False  # ``[1 paragraph not declassified]``
    whole_ok = run == "0" or not run.startswith("0")
    if prev.isalpha():
        return _glued(run, i, k), True
    if prev in _CLOSERS:
        if not before_prev.isdigit():
            return _glued(run, i, k), True
        if not whole_ok:
            return [], False
        if prev == ":" and len(run) == 2:
            return [], False  # the minutes of a time: ``7:30 p.m.``
        if prev in ";:)":
            return [Option((Marker(i, k, run),), READINGS["after-number-stop"])], True
        after = text[k + 1 : k + 2] if nxt.isspace() else nxt
        sentence_end = not after or after.isupper() or after in _AFTER or not after.isalnum()
        if prev == "," and len(run) != 3:
            return [
                Option(
                    (Marker(i, k, run),),
                    READINGS["after-number-sentence-end"],
                    f"read “{before_prev}{prev}{run}” as a number and marker {run}",
                )
            ], False
        if prev == ".":
            cost = (
                READINGS["after-number-sentence-end"]
                if sentence_end
                else READINGS["after-number-period-lower"]
            )
            return [
                Option((Marker(i, k, run),), cost, f"read “.{run}” after a number as marker {run}")
            ], False
        return [], False
    if prev in "–-/":
        if whole_ok:
            return [
                Option(
                    (Marker(i, k, run),),
                    READINGS["after-dash"],
                    f"read “{prev}{run}” as marker {run}, not part of a number",
                )
            ], False
        return [], False
    if prev == "" or prev.isspace() or prev == "(":
        options: list[Option] = []
        word = context.word_before(i)
        counted = (
            word in _COUNTED
            or word.rstrip(".,") in _COUNTED
            or (nxt.isspace() and context.word_after(k) in _UNITS)
        )
        # A number standing alone: maybe a year (or number) with a marker glued to it.
        # A year stays whole (``April 22, 1901.``), and so does a day after its month.
        # After a month, a day cannot pass 31: ``March 141`` is March 14 and marker 1. At
        # the very end of the heading, a counted number may carry one too:
        # ``Circular Telegram 5001`` is telegram 500 and marker 1.
        # (Not the older layouts' own ``No. 214`` line: a title's ``Memorandum No. 3351``
        # is memorandum 335 and marker 1.)
        at_end = (
            context.in_head
            and not text[k:].strip()
            and (word not in ("no.", "nos.") or not text.lstrip().startswith("No"))
        )
        after_month = word in _MONTHS and not _is_year(run) and int(run) > 31
        if (not counted or at_end) and not _is_year(run) and (word not in _MONTHS or after_month):
            for size in range(1, min(3, len(run) - 1) + 1):
                head, tail = run[:-size], run[-size:]
                if tail.startswith("0"):
                    continue
                if after_month and not 1 <= int(head) <= 31:
                    continue
                cost = (
                    READINGS["year-or-day-and-marker"]
                    if _is_year(head) or after_month
                    else READINGS["number-and-marker"]
                )
                if len(head) == 1 and prev.isspace() and not counted and not after_month:
                    # ``Embassy 31``: a lone digit after a word is rarely text; the whole
                    # run set off from its word is the likelier marker.
                    cost += READINGS["lone-digit-left"]
                options.append(
                    Option(
                        (Marker(k - size, k, tail),),
                        cost,
                        f"read “{run}” as {head} followed by marker {tail}",
                    )
                )
                if _is_year(head):  # ``196812``: 1968, then markers 1 and 2 side by side
                    for parts in _consecutive_splits(tail):
                        at = k - size
                        markers = []
                        for part in parts:
                            markers.append(Marker(at, at + len(part), part))
                            at += len(part)
                        options.append(
                            Option(
                                tuple(markers),
                                cost + len(parts) - 1,
                                f"read “{run}” as {head} followed by markers " + ", ".join(parts),
                            )
                        )
        # A marker set off from its word by a space or a no-break space ("Offices 1").
        # At the end of the heading, a second marker may stand apart after a glued one:
        # ``May 3, 19681 2`` (1968, notes 1 and 2).
        after_glued = before_prev.isdigit() and at_end and len(run) <= 2
        if (
            prev.isspace()
            and prev != "\n"
            and before_prev
            and not before_prev.isspace()
            and (before_prev.isalpha() or before_prev in _CLOSERS or after_glued)
            and len(run) <= 3
            and whole_ok
            and not counted
            and word not in _MONTHS
            and word not in _FUNCTION_WORDS
            and (after_glued or not (any(c.isdigit() for c in word) and not word.endswith(".")))
        ):
            options.append(
                Option(
                    (Marker(i, k, run),),
                    READINGS["set-off"],
                    f"read the separate “{run}” as a note marker",
                )
            )
        return options, False
    return [], False


def _symbol_options(text: str, i: int, k: int) -> tuple[list[Option], bool]:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[k] if k < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in _AFTER):
        return [], False
    markers: list[Marker] = []
    j = i
    while j < k:
        m = j
        while m < k and text[m] == text[j]:
            m += 1
        markers.append(Marker(j, m, text[j:m]))
        j = m
    if prev and not prev.isspace():
        return [Option(tuple(markers), READINGS["glued"])], True
    if prev.isspace() and i >= 2 and not text[i - 2].isspace() and text[i - 2] not in SYMBOLS:
        return [
            Option(
                tuple(markers),
                READINGS["set-off"],
                f"read the separate “{text[i:k]}” as a note marker",
            )
        ], False
    return [], False


def _suffixed_option(text: str, i: int, k: int) -> Option | None:
    """A marker with a letter suffix glued to its word (``Aranha19a``): older volumes number
    a note inserted after note 19 as 19a. It takes no place in the numeric sequence."""
    if not (
        i > 0
        and (text[i - 1].isalpha() or text[i - 1] in _CLOSERS)
        and k < len(text)
        and text[k] in SUFFIXES
    ):
        return None
    after = text[k + 1] if k + 1 < len(text) else ""
    if after and not (after.isspace() or after in _AFTER):
        return None
    if text[i] == "0" or k - i > 3:
        return None
    return Option(
        (Marker(i, k + 1, text[i : k + 1]),),
        READINGS["suffixed"],
        f"read “{text[i : k + 1]}” as a note marker with a letter suffix",
    )


def find_groups(fields: list[TextField]) -> list[Group]:
    """List every run of digits or symbols that could hold a marker, in reading order."""
    groups: list[Group] = []
    for index, fld in enumerate(fields):
        if not fld.searchable:
            continue
        text = fld.text
        context: _Context | None = None  # built on the first run: most fields have none
        for found in _RUN.finditer(text):
            i, k = found.span()
            if fld.tail_only and not _at_tail(text, i, k):
                continue
            digit = found.lastgroup == "digits"
            suffixed = _suffixed_option(text, i, k) if digit else None
            if suffixed is not None:
                groups.append(Group(index, i, k + 1, text[i : k + 1], [suffixed], False))
                continue
            if digit and text[i:k].isascii():
                context = context or _Context(text, fld.in_head)
                options, strong = _digit_options(context, i, k)
            elif digit:
                options, strong = [], False
            else:
                options, strong = _symbol_options(text, i, k)
            if fld.tail_only:  # the whole run or nothing: ``Box 121`` is not box 12 + note 1
                options = [o for o in options if o.markers[0].start == i]
            if options:
                groups.append(Group(index, i, k, text[i:k], options, strong))
    return groups


def _at_tail(text: str, i: int, k: int) -> bool:
    """Tell whether ``text[i:k]`` may be the marker of a tail-only field: the last thing in
    it, glued to a letter or closing punctuation, or of one or two digits set off by one
    space after a word or number (``Files1``, ``Box 2004 1``). A run glued to digits (``Box
    20041``) is left whole, and so is the number of a lot file (``lot 60 D 330``, ``D 5``):
    a box, lot or file number is likelier than a marker there."""
    if text[k:].strip() or i == 0 or k - i > 3:
        return False
    prev = text[i - 1]
    if prev == " ":
        before = text[: i - 1].split()
        return k - i <= 2 and bool(before) and not (len(before[-1]) == 1 and before[-1].isupper())
    return prev.isalpha() or prev in _CLOSERS


#: A run of digits (any script: non-ASCII ones are never markers) or of note symbols. One
#: regular-expression scan finds them all, in linear time.
_RUN = re.compile(r"(?P<digits>\d+)|(?P<symbols>[" + SYMBOLS + "]+)")


@dataclass(frozen=True)
class _NoteSpec:
    is_source: bool
    fixed: str  # a symbol label fixed by the list, or ""


# A state's chain of choices, as a linked list: (previous, group index, option index,
# notes skipped without a marker before the option).
_Chain = tuple | None
# cost, ways (1 or 2), chain, signature, and the chain of another reading as cheap (or None)
_State = tuple[float, int, _Chain, int, _Chain]


class _Solver:
    """The dynamic programme over groups; see the module docstring."""

    def __init__(self, fields: list[TextField], specs: list[_NoteSpec]) -> None:
        self.fields = fields
        self.specs = specs
        self.total = len(specs)

    def skip(self, j: int, nn: int, count: int) -> int:
        """The expected number after ``count`` notes without a marker.

        Before the first numbered marker the start is unknown: ``nn`` is then ``-1 - s``,
        where ``s`` counts the numbered notes skipped so far (the first marker's number
        must leave room for them).
        """
        for offset in range(count):
            if not self.specs[j + offset].fixed:
                nn = nn + 1 if nn >= 0 else nn - 1
        return nn

    def apply(
        self, j: int, nn: int, option: Option, in_head: bool
    ) -> tuple[int, int, float] | None:
        extra = 0.0
        specs = self.specs
        for marker in option.markers:
            if j >= self.total:
                return None
            spec = specs[j]
            number = marker.number
            if number is None:
                if spec.is_source or (spec.fixed and spec.fixed != marker.value):
                    return None
                j += 1
                continue
            if spec.fixed:
                return None
            if spec.is_source:
                if not in_head or number not in (0, 1) or j != 0:
                    return None
            elif number == 0:
                return None
            if nn < 0:
                before = -nn - 1  # numbered notes skipped before this first marker
                if number < before:
                    return None
                if number - before not in (0, 1):
                    extra += COST_START_OFFSET
            elif number == nn - 1 and number > 0 and not spec.is_source:
                extra += COST_REPEAT  # the print reused the previous number
                j += 1
                continue
            elif number != nn:
                return None
            j += 1
            nn = number + 1
        return j, nn, extra

    @staticmethod
    def relax(
        store: dict[tuple[int, int], _State],
        key: tuple[int, int],
        cost: float,
        ways: int,
        chain: _Chain,
        sig: int,
        alt: _Chain,
    ) -> None:
        old = store.get(key)
        if old is None or cost < old[0] - 1e-9:
            store[key] = (cost, ways, chain, sig, alt)
        elif abs(cost - old[0]) <= 1e-9 and sig != old[3]:
            store[key] = (
                old[0],
                min(2, old[1] + ways),
                old[2],
                old[3],
                old[4] if old[4] is not None else chain,
            )

    def run(self, groups: list[Group], beam: int = BEAM) -> tuple[float, _Chain, _Chain]:
        """Return the cheapest reading's cost and chain, and the chain of another reading
        as cheap when there is one (the markers are then ambiguous); ``beam`` states
        survive each step."""
        total = self.total
        states: dict[tuple[int, int], _State] = {(0, -1): (0.0, 1, None, 0, None)}
        for gi, group in enumerate(groups):
            skip_cost = COST_UNUSED_STRONG if group.strong else 0.0
            new: dict[tuple[int, int], _State] = {}
            for key, (cost, ways, chain, sig, alt) in states.items():
                self.relax(new, key, cost + skip_cost, ways, chain, sig, alt)
            in_head = self.fields[group.field].in_head
            for (j, nn), (cost, ways, chain, sig, alt) in states.items():
                for skipped in range(0, min(MAX_SKIP, total - j - 1) + 1):
                    j0 = j + skipped
                    nn0 = self.skip(j, nn, skipped)
                    base = cost + skipped * COST_NOTE_WITHOUT_MARKER
                    if j == 0 and skipped and self.specs[0].is_source:
                        base += COST_SOURCE_ELSEWHERE
                    for oi, option in enumerate(group.options):
                        moved = self.apply(j0, nn0, option, in_head)
                        if moved is None:
                            continue
                        j2, nn2, extra = moved
                        step = (gi, oi, skipped)
                        self.relax(
                            new,
                            (j2, nn2),
                            base + option.cost + extra,
                            ways,
                            (chain, *step),
                            hash((sig, gi, oi)),
                            (alt, *step) if alt is not None else None,
                        )
            if len(new) > beam:
                new = dict(sorted(new.items(), key=lambda kv: (kv[1][0], kv[0]))[:beam])
            states = new
        finals = sorted(
            (
                (cost + (total - j) * COST_NOTE_WITHOUT_MARKER, j, nn, state)
                for (j, nn), state in states.items()
                for cost in (state[0],)
            ),
            key=lambda t: (t[0], -t[1]),
        )
        best_cost, _, _, (_, _, chain, sig, alt) = finals[0]
        if alt is None:
            alt = next(
                (f[3][2] for f in finals[1:] if abs(f[0] - best_cost) <= 1e-9 and f[3][3] != sig),
                None,
            )
        return best_cost, chain, alt


def _unwind(chain: _Chain) -> list[tuple[int, int, int]]:
    choices: list[tuple[int, int, int]] = []
    while chain is not None:
        chain, gi, oi, skipped = chain
        choices.append((gi, oi, skipped))
    choices.reverse()
    return choices


def resolve(fields: list[TextField], notes: list[tuple[bool, str]]) -> Resolution:
    """Choose the markers of ``notes`` in ``fields``.

    Args:
        fields: the searchable text, in reading order.
        notes: per listed note, (is it a source note at the end of the head, a symbol
            label the list gives or "").

    Returns:
        A :class:`Resolution` with one anchor (or None) per note.
    """
    specs = [_NoteSpec(s, f) for s, f in notes]
    total = len(specs)
    groups = find_groups(fields)
    if total == 0:
        unused = [(g.field, g.text) for g in groups if g.strong]
        return Resolution([], [], unused=unused)

    solver = _Solver(fields, specs)
    best_cost, chain, alt = solver.run(groups)
    if best_cost >= COST_NOTE_WITHOUT_MARKER and total <= WIDE_BEAM_NOTES:
        wide = solver.run(groups, WIDE_BEAM)
        if wide[0] < best_cost - 1e-9:
            best_cost, chain, alt = wide
    choices = _unwind(chain)
    ambiguous_at: int | None = None
    if alt is not None:
        other = _unwind(alt)
        differ = [a[0] for a, b in zip(choices, other, strict=False) if a != b] or [
            c[0] for c in (choices[len(other) :] or other[len(choices) :])
        ]
        ambiguous_at = groups[min(differ)].field if differ else -1

    anchors: list[tuple[int, int, int] | None] = [None] * total
    values = [""] * total
    assumptions: list[tuple[int, str]] = []
    used_groups: set[int] = set()
    last_number: str | None = None  # the last numeric marker placed (the print may repeat it)
    j = 0
    for gi, oi, skipped in choices:
        j += skipped
        group = groups[gi]
        option = group.options[oi]
        used_groups.add(gi)
        if option.cost >= REPORT_COST and option.why:
            assumptions.append((group.field, option.why))
        for marker in option.markers:
            if last_number == marker.value and marker.number is not None:
                assumptions.append(
                    (
                        group.field,
                        f"read marker {marker.value} as a second "
                        f"note numbered {marker.value} (the print repeats it)",
                    )
                )
            anchors[j] = (group.field, marker.start, marker.end)
            values[j] = marker.value
            if marker.number is not None:
                last_number = marker.value
            j += 1
    # Give notes without a marker the number the sequence implies: on from the previous
    # numbered marker, or back from the first one.
    numbered = [k for k in range(total) if values[k].isdigit()]
    last = -1
    for index in range(total):
        if values[index].isdigit():
            last = int(values[index])
        elif anchors[index] is None and not specs[index].fixed:
            if last < 0 and numbered and numbered[0] > index:
                later = numbered[0]
                gap = sum(1 for k in range(index, later) if not specs[k].fixed)
                if int(values[later]) - gap >= 0:
                    last = int(values[later]) - gap - 1
            last = last + 1 if last >= 0 else (0 if specs[index].is_source else 1)
            values[index] = str(last)
        elif specs[index].fixed and not values[index]:
            values[index] = specs[index].fixed
    unused = [
        (g.field, g.text) for gi, g in enumerate(groups) if g.strong and gi not in used_groups
    ]
    return Resolution(
        anchors,
        values,
        assumptions,
        unused,
        ambiguous_at is not None,
        best_cost,
        ambiguous_at if ambiguous_at != -1 else None,
    )
