"""What one body line is, told from the line alone: the first class of an ordered table whose
test fits.

:func:`classify` is pure: it reads the line's text and the little it needs of where the line
stands (:class:`LineContext`), never the lines around it or the blocks read so far. The body
reader (blocks.py) then assembles runs of classified lines into blocks: that is where the
lines around a line count (a label line and the text it labels, a paragraph the page broke
at its print lines, a dateline over two lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from teikit.reader import patterns as pt


class LineClass(Enum):
    """The classes of body line, as :data:`LINE_CLASSES` tells them."""

    BLANK = "blank"  # nothing but white space
    PAGE = "page"  # a page marker on a line of its own: [Page 722]
    LIST_HEAD = "list-head"  # Subject: / PARTICIPANTS, before the document's own text
    BULLET = "bullet"  # a list item: "- …" (style A) or an indented bullet (style B)
    LABEL = "label"  # a paragraph's number or letter on a line of its own: (1), 2., (b), 1st.
    ROW = "row"  # a row of a table typed as text: | Coffee | 1,264,000 |, or aligned columns
    TEXT = "text"  # any other line: furniture, a heading or a paragraph's text


@dataclass(frozen=True)
class LineContext:
    """Where a line stands, as far as its class depends on it.

    Attributes:
        front: True before the document's first paragraph, where a ``Subject:`` or
            ``PARTICIPANTS`` line heads a list; later it is text.
    """

    front: bool = False


#: A paragraph's ordinal on a line of its own, as the 1920s–1940s notes number their points
#: (``1st.`` / ``That the policy …``); the patterns' label lines are numbers and letters.
ORDINAL_LABEL = re.compile(r"^\d{1,2}(?:st|nd|rd|th|d)\.$")


def is_label_line(core: str) -> bool:
    """Tell whether a line (as the patterns read it) is a label on a line of its own: ``(1)``,
    ``2.``, ``(b)``, ``1st.``."""
    return bool(pt.LABEL_LINE.match(core) or ORDINAL_LABEL.match(core))


#: What separates the cells of a table typed as text: a bar, a tab, or a gap of two spaces
#: or more between words (columns aligned by spaces). A row has at least
#: :data:`ROW_MIN_GAPS` of them between text.
CELL_GAP = re.compile(r"(?<=\S)(?:\s*\|\s*|\t+| {2,})(?=\S)")
ROW_MIN_GAPS = 2


def is_table_row(raw: str) -> bool:
    """Tell whether a line is a row of a table typed as text: ``| Hides | 12,050 |``, or
    cells aligned in columns by spaces (``Hides      12,050      11,900``)."""
    core = raw.strip().strip("|").strip()
    return len(CELL_GAP.findall(core)) >= ROW_MIN_GAPS


#: A class's test: (the line as the page has it, the line stripped as the patterns read it
#: (see :func:`~teikit.reader.patterns.shadow`), the context) -> does the class fit.
LineTest = Callable[[str, str, LineContext], bool]

#: The classes of a body line, tried in this order: the first whose test fits is the line's.
LINE_CLASSES: tuple[tuple[LineClass, LineTest], ...] = (
    (LineClass.BLANK, lambda raw, core, context: not raw.strip()),
    (LineClass.PAGE, lambda raw, core, context: bool(pt.PAGE_LINE.match(core))),
    (
        LineClass.LIST_HEAD,
        lambda raw, core, context: context.front and pt.list_head(core) is not None,
    ),
    (
        LineClass.BULLET,
        lambda raw, core, context: bool(pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)),
    ),
    (LineClass.LABEL, lambda raw, core, context: is_label_line(core)),
    (LineClass.ROW, lambda raw, core, context: not context.front and is_table_row(raw)),
    (LineClass.TEXT, lambda raw, core, context: True),
)

_ANYWHERE = LineContext()


def classify(raw: str, context: LineContext = _ANYWHERE) -> LineClass:
    """Tell the class of one body line.

    Args:
        raw: the line as the page has it (its indentation tells a style-B bullet).
        context: where the line stands (before the document's own text or not).

    Returns:
        The first class of :data:`LINE_CLASSES` whose test fits the line.
    """
    core = pt.shadow(raw.strip())
    for line_class, test in LINE_CLASSES:
        if test(raw, core, context):
            return line_class
    raise AssertionError("LINE_CLASSES ends with a class that fits every line")  # pragma: no cover
