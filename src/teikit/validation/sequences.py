"""The sequence rules of teikit.sch (``note-sequence``, ``pb-order``) in one pass.

In XPath 1.0 each note or page break can find its predecessor only by searching the
preceding axis, so the Schematron versions of these two rules cost the square of the
document's length (10,000 notes: minutes). teikit runs the Schematron phase ``linear``,
which leaves the pattern ``sequence`` out, and checks the same two rules here, walking
the tree once: same ids, same roles (read from the Schematron), same messages, same
places. ``tests/test_validate_sequences.py`` runs both versions on every fixture and
requires the same findings.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from teikit.validation.positions import SourceMap
from teikit.validation.report import Finding, Severity

TEI_NS = "http://www.tei-c.org/ns/1.0"
_NOTE = f"{{{TEI_NS}}}note"
_PB = f"{{{TEI_NS}}}pb"
_DIV = f"{{{TEI_NS}}}div"

#: The Schematron pattern these checks stand for, and the phase that leaves it out.
PATTERN = "sequence"
PHASE = "linear"


def _numbered(value: str | None) -> bool:
    """XPath's ``@n != '' and translate(@n, '0123456789', '') = ''``."""
    return bool(value) and all(c in "0123456789" for c in value or "")


def _document_divs(element: etree._Element) -> list[etree._Element]:
    """The ``div[@type='document']`` ancestors, nearest first."""
    return [a for a in element.iterancestors(_DIV) if a.get("type") == "document"]


def _xpath_number(text: str | None) -> float:
    """XPath 1.0's number() of a string: NaN unless it is a plain decimal number."""
    match = _NUMBER.fullmatch(text or "")
    return float(match.group(0)) if match else math.nan


_NUMBER = re.compile(r"\s*-?(\d+(\.\d*)?|\.\d+)\s*")


def _xpath_string(value: int) -> str:
    """A whole number as XPath 1.0's string() writes it."""
    return str(value)


def _unanchored_numbers(root: etree._Element) -> dict[etree._Element, list[int]]:
    """Per document div: the sorted numbers of the numbered notes without an anchor
    anywhere inside it."""
    found: dict[etree._Element, list[int]] = {}
    for note in root.iter(_NOTE):
        n = note.get("n")
        if note.get("anchored") == "false" and _numbered(n):
            for div in _document_divs(note):
                found.setdefault(div, []).append(int(n or "0"))
    for numbers in found.values():
        numbers.sort()
    return found


@dataclass
class _Note:
    element: etree._Element
    n: int
    div: etree._Element | None


def _previous(anchored: list[_Note], note: etree._Element) -> _Note | None:
    """The last note of ``anchored`` on the preceding axis of ``note`` (which leaves out
    the notes that ``note`` is nested in)."""
    outer = set(note.iterancestors(_NOTE))
    for candidate in reversed(anchored):
        if candidate.element not in outer:
            return candidate
    return None


def check_notes(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """``note-sequence``: numbered notes run in sequence in document order.

    A note's predecessor is the last numbered note before it that has an anchor; the
    numbers of notes without an anchor that lie between the two may be skipped; a
    number may repeat, and the numbers may start again at 1; symbol notes, notes without an
    anchor, and the first note of a document are exempt.

    Args:
        root: the document's root element.

    Yields:
        (note, message) for each note out of sequence.
    """
    unanchored = _unanchored_numbers(root)
    anchored: list[_Note] = []  # numbered notes with an anchor seen so far, in order
    for note in root.iter(_NOTE):
        n = note.get("n")
        if not _numbered(n) or note.get("anchored") == "false":
            continue
        divs = _document_divs(note)
        div = divs[0] if divs else None
        this_n = int(n or "0")
        prev = _previous(anchored, note)
        anchored.append(_Note(note, this_n, div))
        if prev is None:
            continue
        # XPath: count(prev's div | this div) = 1, i.e. the same div, or only one has one.
        if prev.div is not None and div is not None and prev.div is not div:
            continue
        if prev.div is None and div is None:
            continue
        numbers = unanchored.get(div, []) if div is not None else []
        between = max(0, bisect.bisect_left(numbers, this_n) - bisect.bisect_right(numbers, prev.n))
        expected = prev.n + 1 + between
        if (
            this_n == expected
            or (this_n == prev.n and between == 0)
            or (this_n == 1 and prev.n >= 2)  # the print numbers its notes from 1 again
        ):
            continue
        yield (
            note,
            (
                f'Note n="{n}" follows note n="{prev.element.get("n")}": numbered notes run '
                f'in sequence in document order, so n="{_xpath_string(expected)}" was expected '
                "here (symbol notes, and notes without an anchor, are exempt; the print may "
                "repeat a number for a second note, or number its notes from 1 again)."
            ),
        )


def check_pages(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """``pb-order``: page numbers increase through the document, each ``@type`` on its own.

    Args:
        root: the document's root element.

    Yields:
        (pb, message) for each page break whose number does not exceed the previous one
        of its type.
    """
    last: dict[str, etree._Element] = {}
    for pb in root.iter(_PB):
        kind = pb.get("type", "")
        prev = last.get(kind)
        last[kind] = pb
        n = pb.get("n")
        if prev is None or not _numbered(n):
            continue
        prev_n = prev.get("n")
        if int(n or "0") > _xpath_number(prev_n):  # False when prev_n is not a number
            continue
        yield (
            pb,
            (
                f"Page {n} comes after page {prev_n or ''}: page numbers must increase "
                "through the document."
            ),
        )


#: Rule id -> the one-pass check that stands for it.
CHECKS: dict[str, Callable[[etree._Element], Iterator[tuple[etree._Element, str]]]] = {
    "note-sequence": check_notes,
    "pb-order": check_pages,
}


def run(
    tree: etree._ElementTree, source: SourceMap, path: str, roles: dict[str, Severity]
) -> list[Finding]:
    """Run every sequence check over one document.

    Args:
        tree: the parsed document.
        source: where its elements are in the source text.
        path: the file's name for the findings.
        roles: the severity of each rule, as the Schematron gives it.

    Returns:
        One finding per note or page break out of sequence.
    """
    root = tree.getroot()
    findings: list[Finding] = []
    for rule, check in CHECKS.items():
        for element, message in check(root):
            line, column = source.position(element)
            findings.append(Finding(path, line, column, roles.get(rule, "error"), rule, message))
    return findings
