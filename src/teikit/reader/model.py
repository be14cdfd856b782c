"""The reader's document model: what a page text says, before it becomes TEI.

Text is kept exactly as the input has it. Inline content is a list of plain strings,
:class:`NoteRef`, :class:`PageBreak` and :class:`LineBreak` items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class NoteRef:
    """The anchor of a footnote: index into :attr:`Document.notes`."""

    index: int


@dataclass(frozen=True)
class PageBreak:
    """A page marker such as ``[Page 722]``; ``kind`` is "" or facsimile/typeset."""

    n: str
    kind: str = ""
    line: int = 0


@dataclass(frozen=True)
class LineBreak:
    """A line break inside a multi-line title."""


Inline = str | NoteRef | PageBreak | LineBreak

BlockKind = Literal[
    "head",  # the document heading (number and title)
    "source-inline",  # 1952-54 and older: the file-number / lot-file line
    "identifier",  # CA-3400, NIE-58
    "classification",  # confidential, secret ...
    "subject",  # a subject list (items), optional "Subject:" head
    "heading",  # a section heading inside the document
    "paragraph",
    "list",  # a bulleted list, or a label/item list
    "closer",  # closing phrase, signature, or a note such as [File copy not signed]
    "pagebreak",  # a page marker between blocks
    "dateline",  # place and date under the title (one or two lines)
    "salute",  # a salutation on a line of its own (Dear Mr. Secretary:)
    "despatch",  # an older despatch's own number after the title (No. 214.])
    "participants",  # the participants of a conversation (items), optional head
    "enclosure",  # opens an enclosure: its label line ([Inclosure 1 in No. 72.]), if any
    "enclosure-head",  # an enclosure's own title (Mr. Dorsey to Mr. Pell.)
    "postscript",  # opens a postscript (P. S.—…) after a signature; holds no text
]


@dataclass
class ListItem:
    """One item of a list; ``label`` holds a label such as ``a.`` where the text has one."""

    content: list[Inline]
    label: list[Inline] | None = None
    line: int = 0


@dataclass
class Block:
    """One block of the document body, in reading order."""

    kind: BlockKind
    content: list[Inline] = field(default_factory=list)
    line: int = 0
    items: list[ListItem] = field(default_factory=list)
    head: str | None = None  # "Subject:" for a subject list that has it
    smallcaps: bool = False  # lower-case text that print shows in small capitals
    page: PageBreak | None = None  # for kind == "pagebreak"
    # For kind == "closer": its lines, each (role, content) with role "salute" (the closing
    # phrase), "signed" or "text" (a line such as [File copy not signed]).
    parts: list[tuple[str, list[Inline]]] = field(default_factory=list)
    #: For a paragraph read from several lines that are one paragraph (a label line and its
    #: text, a paragraph the page broke at its print lines): the lines are joined by a space,
    #: not a line break.
    joined: bool = False


@dataclass
class Note:
    """A footnote from the trailing note list.

    ``n`` is the marker as the text shows it (``"0"``, ``"47"``, ``"*"``); it is set
    when the marker is found. ``paragraphs`` hold the note text (inline content).
    """

    paragraphs: list[list[Inline]]
    line: int
    label: str = ""  # the list's own label ("1." in style B), if any
    n: str = ""
    is_source: bool = False
    anchored: bool = True


@dataclass
class Document:
    """Everything the reader recovered from one page text."""

    number: int | None
    title: str
    layout: Literal["modern", "older", "nineteenth-century"]
    style: Literal["A", "B"]
    blocks: list[Block]
    notes: list[Note]
    source_line: str | None = None  # the older layouts' source line text, if any
    kind: Literal["historical-document", "editorial-note"] = "historical-document"
    #: The line accounting: every input line (1-based) and what the reader used it as —
    #: a block kind (``paragraph``, ``head``, ``closer`` …), ``pagebreak``, ``note``,
    #: ``note-arrow`` (a lone return arrow of the note list), ``blank``, or ``warned`` (a
    #: line left out with a warning). See :mod:`teikit.reader.accounting`.
    lines: dict[int, str] = field(default_factory=dict)
