"""Where a paragraph ends on a page that kept its print's line breaks.

Pages of the 1860s–1890s volumes are often copied from the scan with every print line on a
line of its own. A paragraph then runs over several lines, and a line that ends in a full
stop is not always the paragraph's last: the print may have broken the line right after a
sentence. What tells the two apart is the measure of the page. The print set its lines as
full as the next word allowed, so a line inside a paragraph is about as long as the page is
wide; the author ended a paragraph wherever the sentence ended, so its last line is short
and the next word would have fitted on it.

:func:`page_measure` estimates the page's width from the lines that certainly run on (no
end punctuation, more text below); :func:`ends_paragraph` reads one line end with it. The
figures the rule rests on are data (:data:`MEASURE`), not branches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from teikit.reader import patterns as pt


@dataclass(frozen=True)
class Measure:
    """The figures of the paragraph-end rule.

    Attributes:
        min_sample: the run-on lines a page needs before its width is trusted; with fewer,
            every sentence end at a line end ends the paragraph (the rule of old).
        fit_share: the share of the page's width that a line and the next line's first word
            may fill for the line still to have been ended by its author. The width is the
            median of the run-on lines: a proportional type sets some lines a little longer
            in characters and some a little shorter, so the median, not the longest, is
            what a line ended by the print reaches.
    """

    min_sample: int = 3
    fit_share: float = 1.0


MEASURE = Measure()

#: A line that ends in the editors' asterisks of an omission (``… the Department. * * *``):
#: the sentence before them is over.
OMISSION_END = re.compile(r"(?:^|\s)\*(?:\s\*){2,}$")


def page_measure(lines: Sequence[str], measure: Measure = MEASURE) -> int | None:
    """The usual width of the page's print lines, in characters, or None.

    Args:
        lines: the page's lines.
        measure: the rule's figures.

    Returns:
        The median length of the lines that end inside a sentence (a lower-case word or a
        number, no punctuation) with more text on the next line; None when fewer than
        ``measure.min_sample`` lines do.
    """
    sample = [
        len(lines[k].strip())
        for k in range(len(lines) - 1)
        if lines[k + 1].strip()
        and pt.OPEN_LINE_END.search(pt.strip_trailing_marker(pt.shadow(lines[k]).strip()))
    ]
    if len(sample) < measure.min_sample:
        return None
    return int(median(sample))


def ends_paragraph(
    line: str, following: str, width: int | None, measure: Measure = MEASURE
) -> bool:
    """Tell whether a print line ends its paragraph, the next line being ``following``.

    Args:
        line: the print line (as the page has it).
        following: the next line, not blank.
        width: the page's width (:func:`page_measure`), or None when it is not known.
        measure: the rule's figures.

    Returns:
        False when the line ends neither a sentence nor an omission's asterisks (``* * *``);
        else True when the width is unknown or the next line's first word would have fitted
        on the line (the author ended it), False when the line is full (the print broke it
        after a sentence).
    """
    if not (pt.ends_sentence(line) or OMISSION_END.search(line.strip())):
        return False
    if width is None:
        return True
    words = following.split()
    first = len(words[0]) if words else 0
    return len(line.strip()) + 1 + first <= width * measure.fit_share
