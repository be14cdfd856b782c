"""Dates the page text carries: the State Department decimal file number, and the dateline.

A Central Files number such as ``661.93/9–1060`` ends with the date the document was filed
under: month–day–two-digit year (``9–1060`` is September 10, 1960). Volumes from 1861 to 1980
only, so a two-digit year is read as 19YY. The file part before the slash may carry letters,
spaces and a hyphenated suffix (``856D.00/8–1549``, ``740.00119 P. W./9–145``,
``396.1-GE/5-2859``), and the dash may be any of the dashes copies use (hyphen, U+2010,
U+2011, figure dash, en dash, minus sign).

A dateline kept by the page (``Washington, November 12, 1955, 1:03 p.m.``, ``[Washington,]
October 14, 1943.``, ``London, 27 June, 1942.``) states the date itself.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from teikit.lexicon import DASH as _DASH
from teikit.lexicon import MONTH_ABBREVIATIONS, MONTH_WORD, MONTHS

_FILE_NUMBER = re.compile(
    r"(?<![\w.])(\d{3}[A-Z]?\.[0-9A-Za-z]+(?:" + _DASH + r"[A-Z]{1,5})?"
    r"(?: [A-Z][\w.]*){0,3})/(\d{1,2})" + _DASH + r"(\d{1,2})(\d{2})(?![\d\w])")
_MONTH_NUMBER = {name.lower(): k for k, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER.update({name[:3].lower() + ".": k for k, name in enumerate(MONTHS, 1)})
_MONTH_NUMBER.update({name.lower(): k for name, k in MONTH_ABBREVIATIONS.items()})
_MONTH_WORD = "(" + MONTH_WORD + ")"
_DATELINE_DATE = re.compile(
    r"(?:" + _MONTH_WORD + r"\s+(\d{1,2})|(\d{1,2})\s+" + _MONTH_WORD + r"),?\s*\[?(\d{4})\b")


@dataclass(frozen=True)
class InferredDate:
    """A date read off the text, and what it was read from."""

    when: str          # ISO date, e.g. 1960-09-10
    label: str         # September 10, 1960
    evidence: str      # the file number (661.93/9–1060) or the dateline
    source: str = "file-number"  # or "dateline"


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
        return InferredDate(date.isoformat(), f"{MONTHS[month - 1]} {day}, {year}",
                            match.group(0))
    return None


def date_from_dateline(text: str) -> InferredDate | None:
    """Read the date a dateline states.

    Args:
        text: the dateline, one or two lines joined.

    Returns:
        The date, or None when the dateline gives no year or an impossible date.
    """
    match = _DATELINE_DATE.search(text)
    if not match:
        return None
    month_word = match.group(1) or match.group(4)
    day = int(match.group(2) or match.group(3))
    year = int(match.group(5))
    month = _MONTH_NUMBER.get(month_word.lower())
    if month is None or not 1600 <= year <= 2099:
        return None
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    return InferredDate(date.isoformat(), f"{MONTHS[month - 1]} {day}, {year}",
                        " ".join(text.split()), "dateline")
