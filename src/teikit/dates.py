"""Dates the page text carries: a dateline, a place-and-date title, a decimal file number.

Three sources give a document's date, and :func:`document_date` takes the most direct one
that gives a date (:data:`SOURCES`, in order):

1. the **dateline** the page kept (``Washington, November 12, 1955, 1:03 p.m.``, ``[Washington,]
   October 14, 1943.``, ``London, 27 June, 1942.``, ``Paris, May 3d, 1866.``);
2. the **title** that ends in a place and date, as conference and conversation records do
   (``Memorandum of Conversation, Geneva, May 3, 1968``);
3. a State Department **decimal file number** in the source note or line: a Central Files
   number such as ``661.93/9–1060`` ends with the date the document was filed under,
   month–day–two-digit year (``9–1060`` is September 10, 1960). Volumes from 1861 to 1980
   only, so a two-digit year is read as 19YY. The file part before the slash may carry
   letters, spaces and a hyphenated suffix (``856D.00/8–1549``, ``740.00119 P. W./9–145``,
   ``396.1-GE/5-2859``), and the dash may be any of the dashes copies use (hyphen, U+2010,
   U+2011, figure dash, en dash, minus sign).

A dateline or title that gives only a month (``Washington, September 1960.``) or a year
(``Washington, 1960.``) gives a partial ISO date (``1960-09``, ``1960``), and a range of days
(``May 3–5, 1968``) the month (``1968-05``), or the year when it spans two months: the
header's ``date/@when`` says no more than the text does.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from teikit.lexicon import DASH as _DASH
from teikit.lexicon import FILE_SUBJECT, MONTH_ABBREVIATIONS, MONTH_WORD, MONTHS

# The subject between the class number and the slash may carry words, names, commas and
# parentheses (``740.00119 Control (Germany)/6–1047``, ``811.001 Roosevelt, F. D./123``):
# the lexicon's FILE_SUBJECT, shared with the reader.
_FILE_NUMBER = re.compile(
    r"(?<![\w.])(\d{3}[A-Z]?\.[0-9A-Za-z]+(?:"
    + _DASH
    + r"[A-Z]{1,5})?"
    + FILE_SUBJECT
    + r")/(\d{1,2})"
    + _DASH
    + r"(\d{1,2})(\d{2})(?![\d\w])"
)
_MONTH_NUMBER = {name.lower(): k for k, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER.update({name[:3].lower() + ".": k for k, name in enumerate(MONTHS, 1)})
_MONTH_NUMBER.update({name.lower(): k for name, k in MONTH_ABBREVIATIONS.items()})
_MONTH_WORD = "(" + MONTH_WORD + ")"
_DATELINE_DATE = re.compile(
    r"(?:" + _MONTH_WORD + r"\s+(\d{1,2})|(\d{1,2})\s+" + _MONTH_WORD + r"),?\s*\[?(\d{4})\b"
)


_DAY = r"(\d{1,2})(?:st|nd|rd|th|d)?"
#: A year; up to three digits glued after it can only be note markers ("May 3, 19681").
_YEAR = r"\[?(\d{4})(?:\d{1,3})?(?!\d)"
#: A full date, or a range of days: "May 3, 1968", "3 May 1968", "May 3–5, 1968",
#: "May 30–June 2, 1968", "May 3d, 1866".
_FULL_DATE = (
    r"(?:"
    + _MONTH_WORD
    + r"\s+"
    + _DAY
    + r"(?:\s*"
    + _DASH
    + r"\s*(?:"
    + _MONTH_WORD
    + r"\s+)?"
    + _DAY
    + r")?|"
    + _DAY
    + r"\s+"
    + _MONTH_WORD
    + r"),?\s*"
    + _YEAR
)
_MONTH_YEAR = _MONTH_WORD + r",?\s+" + _YEAR
_FULL = re.compile(_FULL_DATE)
_MONTH_ONLY = re.compile(_MONTH_YEAR)
#: Note markers that may follow the date at the end of a title: "19681 2", "1968*".
_MARKERS = r"(?:\s*(?:\d{1,3}|[*†‡§]+))*"
#: A year alone ends a dateline or title after a comma: "Washington, 1960."
_YEAR_ONLY = re.compile(r",\]?\s*" + _YEAR + r"\]?\.?\]?" + _MARKERS + r"$")
#: A time of day may follow a title's date: ", 10 a.m.", ", 4:30–6 p.m.", ", noon".
_TIME = r"(?:,?\s*(?:[" + _DASH[1:-1] + r"\d:.\s]{0,15}(?:[ap]\.\s?m\.|noon|midnight)))?"
#: A title's place and date stand at its end, after a comma.
_TITLE_END = re.compile(
    r",\s*(?:" + _FULL_DATE + r"|" + _MONTH_YEAR + r")" + _TIME + r"\]?\.?" + _MARKERS + r"$"
)
#: Years a FRUS document can bear (the series prints papers back to the founding).
_YEARS = range(1600, 2100)

#: Where a date can be read, most direct first: (source, @cert, how the header says it was
#: read; {evidence} is the text it was read from).
SOURCES: tuple[tuple[str, str, str], ...] = (
    ("dateline", "high", ", read from the dateline “{evidence}”"),
    ("title", "high", ", read from the place and date that end the title “{evidence}”"),
    (
        "file-number",
        "medium",
        ", read from the decimal file number {evidence} (month–day–year) in the source note",
    ),
)
_CERT = {source: cert for source, cert, _how in SOURCES}
_HOW = {source: how for source, _cert, how in SOURCES}
#: What a partial date says of itself in the header's prose.
_PRECISION = {10: "", 7: " (it gives the month only)", 4: " (it gives the year only)"}


@dataclass(frozen=True)
class InferredDate:
    """A date read off the text, and what it was read from.

    ``when`` is an ISO date, complete (``1960-09-10``) or partial (``1960-09``, ``1960``);
    ``source`` is one of :data:`SOURCES` (dateline, title, file-number).
    """

    when: str  # ISO date, e.g. 1960-09-10
    label: str  # September 10, 1960
    evidence: str  # the file number (661.93/9–1060), the dateline, or the title
    source: str = "file-number"  # or "dateline", "title"

    @property
    def cert(self) -> str:
        """How sure the reading is: high for a date the text states, medium for a filing date."""
        return _CERT[self.source]

    def how(self) -> str:
        """Say how the date was read, as the prose after the header's ``date``."""
        range_note = " (a range of days)" if "–" in self.label and len(self.when) < 10 else ""
        precision = range_note or _PRECISION.get(len(self.when), "")
        return _HOW[self.source].format(evidence=self.evidence) + precision + "."


def _month(word: str | None) -> int | None:
    return _MONTH_NUMBER.get(word.lower()) if word else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return year in _YEARS


def _from_full(match: re.Match[str], evidence: str, source: str) -> InferredDate | None:
    """Read a match of :data:`_FULL_DATE` (its groups 1 to 7)."""
    g = [match.group(k) for k in range(1, 8)]
    first_month, first_day, other_month, other_day, day_first, month_after, year_text = g
    year = int(year_text)
    if first_month is None:  # "3 May 1968"
        first_month, first_day = month_after, day_first
    month, day = _month(first_month), int(first_day)
    if month is None or not _valid(year, month, day):
        return None
    name = MONTHS[month - 1]
    if other_day is None:
        return InferredDate(
            f"{year:04d}-{month:02d}-{day:02d}", f"{name} {day}, {year}", evidence, source
        )
    end_month = _month(other_month) or month
    end_day = int(other_day)
    if not _valid(year, end_month, end_day) or (end_month, end_day) <= (month, day):
        return None
    if end_month == month:
        return InferredDate(
            f"{year:04d}-{month:02d}", f"{name} {day}–{end_day}, {year}", evidence, source
        )
    return InferredDate(
        f"{year:04d}", f"{name} {day}–{MONTHS[end_month - 1]} {end_day}, {year}", evidence, source
    )


def _from_month(month_word: str, year_text: str, evidence: str, source: str) -> InferredDate | None:
    month, year = _month(month_word), int(year_text)
    if month is None or year not in _YEARS:
        return None
    return InferredDate(f"{year:04d}-{month:02d}", f"{MONTHS[month - 1]} {year}", evidence, source)


def _from_year(year_text: str, evidence: str, source: str) -> InferredDate | None:
    year = int(year_text)
    return InferredDate(f"{year:04d}", str(year), evidence, source) if year in _YEARS else None


def date_from_file_number(text: str) -> InferredDate | None:
    """Find the first decimal file number in ``text`` that gives a real date, and read it.

    Args:
        text: a source note or source line.

    Returns:
        The date, or None when there is no file number or its date is impossible.
    """
    for match in _FILE_NUMBER.finditer(text):
        month, day, year = int(match.group(2)), int(match.group(3)), 1900 + int(match.group(4))
        try:
            date = _dt.date(year, month, day)
        except ValueError:
            continue
        return InferredDate(date.isoformat(), f"{MONTHS[month - 1]} {day}, {year}", match.group(0))
    return None


def date_from_dateline(text: str) -> InferredDate | None:
    """Read the date a dateline states: a full date, a month, or a year (see the module doc).

    Args:
        text: the dateline, one or two lines joined.

    Returns:
        The date, or None when the dateline gives no year or an impossible date.
    """
    evidence = " ".join(text.split())
    match = _FULL.search(evidence)
    if match:
        return _from_full(match, evidence, "dateline")
    match = _MONTH_ONLY.search(evidence)
    if match:
        return _from_month(match.group(1), match.group(2), evidence, "dateline")
    match = _YEAR_ONLY.search(evidence)
    if match:
        return _from_year(match.group(1), evidence, "dateline")
    return None


def date_from_title(title: str) -> InferredDate | None:
    """Read the place and date that end a title (``…, Geneva, May 3, 1968``).

    Only a date at the very end, after a comma, counts: a date inside a title (``Letter of
    May 3, 1968, to the Ambassador``) is what the document speaks of, not its own date.

    Args:
        title: the document title (its notes left out).

    Returns:
        The date, or None when the title does not end in a date.
    """
    text = " ".join(title.split())
    match = _TITLE_END.search(text)
    if match:
        if match.group(7) is not None:
            return _from_full(match, text[: match.end(7)], "title")
        return _from_month(match.group(8), match.group(9), text[: match.end(9)], "title")
    match = _YEAR_ONLY.search(text)
    if match:
        return _from_year(match.group(1), text[: match.end(1)], "title")
    return None


def document_date(
    dateline: str | None = None, title: str | None = None, source_note: str | None = None
) -> InferredDate | None:
    """Return the document's date from the most direct source that gives one.

    Args:
        dateline: the dateline's text, if the page kept one.
        title: the document title.
        source_note: the source note or line, where a decimal file number may stand.

    Returns:
        The date read from the dateline, else the title, else the file number; or None.
    """
    readers = {
        "dateline": (date_from_dateline, dateline),
        "title": (date_from_title, title),
        "file-number": (date_from_file_number, source_note),
    }
    for source, _cert, _how in SOURCES:
        read, text = readers[source]
        if text:
            date = read(text)
            if date is not None:
                return date
    return None
