"""Find footnote markers in the running text.

Digits are ambiguous: ``Hong Kong1`` holds note 1, ``1954`` is a year, ``19542`` is 1954
plus note 2, ``661.93/9–1060`` is a file number. Symbols (``*†‡§‖¶``) are less so. The
resolving constraint is the note list: there are exactly as many markers as listed notes,
in the list's order, and the numeric ones run in sequence (0 for a 1955+ source note in the
head, then 1, 2 ...; or the volume's running numbers, such as 47, 48).

Every glued run of digits or symbols is a *group* with a few readings (*options*), each with
a cost: a reading that splits ``19542`` costs more than ``Kong1``; leaving a strong candidate
unused costs too. A dynamic programme picks the cheapest reading of the whole document that
places every note; a note with no possible marker costs much more and is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teikit.reader.fields import TextField

SYMBOLS = "*†‡§‖¶"
#: Punctuation a marker may follow directly (``estimate.*``, ``1952;3``, ``agreements,‡``).
_CLOSERS = set(".,;:)]”’\"'?!")
#: What may follow a marker: end of text, white space, or these.
_AFTER = set(".,;:)]”’\"'?!—")

#: Words after which a separate number is counted, never a marker (``No. 5``, ``p. 45``).
_COUNTED = {"no.", "nos.", "p.", "pp.", "vol.", "vols.", "para.", "paras.", "paragraph",
            "paragraphs", "page", "pages", "article", "articles", "section", "chapter", "part",
            "annex", "telegram", "despatch", "dispatch", "tel.", "deptel", "embtel", "circular",
            "number", "numbers", "item", "items", "point", "points", "document", "documents"}

COST_UNUSED_STRONG = 2.0
COST_START_OFFSET = 1.0
COST_NOTE_WITHOUT_MARKER = 20.0
#: Readings at or above this cost are reported as assumptions.
REPORT_COST = 4.0
_BEAM = 400


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
    """A glued run of digits or symbols that may hold markers."""

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


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1600 <= int(digits) <= 2099


def _digit_options(text: str, i: int, k: int) -> tuple[list[Option], bool]:
    run = text[i:k]
    prev = text[i - 1] if i > 0 else ""
    before_prev = text[i - 2] if i > 1 else ""
    nxt = text[k] if k < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in _AFTER):
        return [], False
    options: list[Option] = []
    strong = False
    whole_ok = run == "0" or not run.startswith("0")
    if prev.isalpha():
        if whole_ok:
            options.append(Option((Marker(i, k, run),), 0.0))
            strong = True
        if len(run) >= 2:  # two markers side by side: "12" -> 1 and 2
            for cut in range(1, len(run)):
                a, b = run[:cut], run[cut:]
                if a.startswith("0") or b.startswith("0"):
                    continue
                if int(b) == int(a) + 1:
                    options.append(Option((Marker(i, i + cut, a), Marker(i + cut, k, b)), 1.0,
                                          f"read “{run}” as two markers, {a} and {b}"))
    elif prev in _CLOSERS:
        if not whole_ok:
            pass
        elif before_prev.isdigit():
            if prev in ";:)":
                options.append(Option((Marker(i, k, run),), 0.0))
                strong = True
            elif prev == "," and len(run) != 3:
                options.append(Option((Marker(i, k, run),), 2.0,
                                      f"read “{before_prev}{prev}{run}” as a marker {run}"))
            elif prev == ".":
                options.append(Option((Marker(i, k, run),), 4.0,
                                      f"read “.{run}” after a number as marker {run}"))
        else:
            options.append(Option((Marker(i, k, run),), 0.0))
            strong = True
    elif prev in "–-/":
        if whole_ok:
            options.append(Option((Marker(i, k, run),), 5.0,
                                  f"read “{prev}{run}” as marker {run}, not part of a number"))
    elif prev == "" or prev.isspace() or prev == "(":
        # A number standing alone: maybe a year (or number) with a marker glued to it.
        for size in range(1, min(3, len(run) - 1) + 1):
            head, tail = run[:-size], run[-size:]
            if tail.startswith("0"):
                continue
            cost = 1.0 if _is_year(head) else 4.0
            options.append(Option((Marker(k - size, k, tail),), cost,
                                  f"read “{run}” as {head} followed by marker {tail}"))
        # A marker set off from its word by a space ("Department 3 of").
        word_before = text[:i].split()[-1] if text[:i].split() else ""
        if prev == " " and before_prev and (before_prev.isalpha() or before_prev in _CLOSERS) \
                and word_before.lower() not in _COUNTED and len(run) <= 3 and whole_ok:
            options.append(Option((Marker(i, k, run),), 7.0,
                                  f"read the separate “{run}” as a note marker"))
    return options, strong


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
        return [Option(tuple(markers), 0.0)], True
    if prev == " " and i >= 2 and not text[i - 2].isspace():
        return [Option(tuple(markers), 6.0,
                       f"read the separate “{text[i:k]}” as a note marker")], False
    return [], False


def find_groups(fields: list[TextField]) -> list[Group]:
    """List every run of digits or symbols that could hold a marker, in reading order."""
    groups: list[Group] = []
    for index, fld in enumerate(fields):
        text = fld.text
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch.isdigit() or ch in SYMBOLS:
                digit = ch.isdigit()
                k = i
                while k < n and (text[k].isdigit() if digit else text[k] in SYMBOLS):
                    k += 1
                if digit:
                    options, strong = _digit_options(text, i, k)
                else:
                    options, strong = _symbol_options(text, i, k)
                if options:
                    groups.append(Group(index, i, k, text[i:k], options, strong))
                i = k
            else:
                i += 1
    return groups


@dataclass(frozen=True)
class _NoteSpec:
    is_source: bool
    fixed: str  # a symbol label fixed by the list, or ""


# A state's chain of choices, as a linked list: (previous, group index, option index) or
# (previous, -1, note index) for a note placed without a marker.
_Chain = tuple | None


def resolve(fields: list[TextField], notes: list[tuple[bool, str]]) -> Resolution:
    """Choose the markers of ``notes`` in ``fields``.

    Args:
        fields: the searchable text, in reading order.
        notes: per listed note, (is it a 1955+ source note, a symbol label the list gives or "").

    Returns:
        A :class:`Resolution` with one anchor (or None) per note.
    """
    specs = [_NoteSpec(s, f) for s, f in notes]
    total = len(specs)
    groups = find_groups(fields)
    if total == 0:
        unused = [(g.field, g.text) for g in groups if g.strong]
        return Resolution([], [], unused=unused)

    # state key: (notes placed, next expected number or -1) -> (cost, ways, chain, sig);
    # ``sig`` identifies the markers chosen so far, so that two chains which differ only in
    # how unmarked notes were skipped do not count as two readings.
    states: dict[tuple[int, int], tuple[float, int, _Chain, int]] = {
        (0, -1): (0.0, 1, None, 0)}

    def relax(store: dict, key: tuple[int, int], cost: float, ways: int, chain: _Chain,
              sig: int) -> None:
        old = store.get(key)
        if old is None or cost < old[0] - 1e-9:
            store[key] = (cost, ways, chain, sig)
        elif abs(cost - old[0]) <= 1e-9 and sig != old[3]:
            store[key] = (old[0], min(2, old[1] + ways), old[2], old[3])

    def close(store: dict) -> dict:
        # Notes that get no marker: each may be skipped, at a high cost.
        result = dict(store)
        frontier = list(store.items())
        while frontier:
            nxt_frontier = []
            for (j, nn), (cost, ways, chain, sig) in frontier:
                if j >= total:
                    continue
                targets = [(j + 1, nn)]
                if nn >= 0 and not specs[j].fixed:
                    targets.append((j + 1, nn + 1))
                for key in targets:
                    before = result.get(key)
                    relax(result, key, cost + COST_NOTE_WITHOUT_MARKER, ways, (chain, -1, j),
                          sig)
                    if result.get(key) != before:
                        nxt_frontier.append((key, result[key]))
            frontier = nxt_frontier
        return result

    def apply(j: int, nn: int, option: Option, in_head: bool) -> tuple[int, int, float] | None:
        extra = 0.0
        for marker in option.markers:
            if j >= total:
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
            if number == 0:
                if not (in_head and j == 0 and spec.is_source):
                    return None
            elif spec.is_source:
                return None
            if nn < 0:
                if number not in (0, 1):
                    extra += COST_START_OFFSET
            elif number != nn:
                return None
            j += 1
            nn = number + 1
        return j, nn, extra

    for gi, group in enumerate(groups):
        states = close(states)
        skip_cost = COST_UNUSED_STRONG if group.strong else 0.0
        new: dict[tuple[int, int], tuple[float, int, _Chain, int]] = {}
        for key, (cost, ways, chain, sig) in states.items():
            relax(new, key, cost + skip_cost, ways, chain, sig)
        in_head = fields[group.field].in_head
        for (j, nn), (cost, ways, chain, sig) in states.items():
            for oi, option in enumerate(group.options):
                moved = apply(j, nn, option, in_head)
                if moved is None:
                    continue
                j2, nn2, extra = moved
                relax(new, (j2, nn2), cost + option.cost + extra, ways, (chain, gi, oi),
                      hash((sig, gi, oi)))
        if len(new) > _BEAM:
            new = dict(sorted(new.items(), key=lambda kv: kv[1][0])[:_BEAM])
        states = new
    states = close(states)

    finals = [(v[0], k, v) for k, v in states.items() if k[0] == total]
    finals.sort(key=lambda t: t[0])
    best_cost, _, (cost, ways, chain, sig) = finals[0]
    ambiguous = ways > 1 or any(abs(f[0] - best_cost) <= 1e-9 and f[2][3] != sig
                                for f in finals[1:])

    choices: list[tuple[int, int]] = []
    while chain is not None:
        chain, gi, oi = chain
        choices.append((gi, oi))
    choices.reverse()

    anchors: list[tuple[int, int, int] | None] = [None] * total
    values = [""] * total
    assumptions: list[tuple[int, str]] = []
    used_groups: set[int] = set()
    j = 0
    nn = -1
    for gi, oi in choices:
        if gi == -1:
            j += 1
            continue
        group = groups[gi]
        option = group.options[oi]
        used_groups.add(gi)
        if option.cost >= REPORT_COST and option.why:
            assumptions.append((group.field, option.why))
        for marker in option.markers:
            anchors[j] = (group.field, marker.start, marker.end)
            values[j] = marker.value
            if marker.number is not None:
                nn = marker.number + 1
            j += 1
    # Give notes without a marker the number the sequence implies.
    last = -1
    for index in range(total):
        if values[index].isdigit():
            last = int(values[index])
        elif anchors[index] is None and not specs[index].fixed:
            last = last + 1 if last >= 0 else (0 if specs[index].is_source else 1)
            values[index] = str(last)
        elif specs[index].fixed and not values[index]:
            values[index] = specs[index].fixed
    unused = [(g.field, g.text) for gi, g in enumerate(groups)
              if g.strong and gi not in used_groups]
    del nn
    return Resolution(anchors, values, assumptions, unused, ambiguous)
