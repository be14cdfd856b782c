"""Dates the page text carries: the State Department decimal file number.

A Central Files number such as ``661.93/9–1060`` ends with the date the document was filed
under: month–day–two-digit year (``9–1060`` is September 10, 1960). Volumes from 1861 to 1980
only, so a two-digit year is read as 19YY.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_FILE_NUMBER = re.compile(
    r"\b(\d{3}\.\d{1,4}[A-Za-z0-9]*(?:/[0-9A-Z]+)?)/(\d{1,2})[–-](\d{1,2})(\d{2})\b")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class InferredDate:
    """A date read off a decimal file number, and what it was read from."""

    when: str          # ISO date, e.g. 1960-09-10
    label: str         # September 10, 1960
    evidence: str      # the file number, e.g. 661.93/9–1060


def date_from_file_number(text: str) -> InferredDate | None:
    """Find the first decimal file number in ``text`` and read its date.

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
