"""The reader's document model: what a page text says, before it becomes TEI.

Text is kept exactly as the input has it. Inline content is a list of plain strings,
:class:`NoteRef`, :class:`PageBreak` and :class:`LineBreak` items.

The body is a list of blocks, one typed variant per kind (:data:`Block` is their union),
each carrying only its own fields. A block's text is held in *runs*: a text block's content,
a list's labels and items, a closer's parts. The variants are generic in what a run holds:
the reader drafts them with runs of text fields (one per input line) and, once the note
markers are placed, turns each run into inline content (:func:`convert_runs`). :func:`walk` is
the one traversal every consumer uses: it yields each run of each block once, in reading
order. Sets of kinds that rules group together are tuples of variant types (``OPENER_RUN``
…), tested with ``isinstance``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, Literal, TypeAlias, TypeVar, Union, cast


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

#: What a block's runs hold: :class:`~teikit.reader.fields.TextField` while the reader drafts
#: the blocks (one field per input line), :data:`Inline` items once the notes are placed.
R = TypeVar("R")
S = TypeVar("S")


@dataclass(kw_only=True)
class BlockBase(Generic[R]):
    """What every block has: the input line it begins on, its role in the line accounting,
    and its runs of text, in reading order (none by default).

    A variant that adds no field of its own is a plain subclass: it keeps its base's
    dataclass methods (``repr`` and ``==`` see the subclass) and costs no code generation
    at import.
    """

    line: int = 0
    #: The block's role in the line accounting (:attr:`Document.lines`).
    role: ClassVar[str]

    def runs(self) -> Sequence[list[R]]:
        """The block's runs of text, in reading order."""
        return ()

    def own_lines(self) -> tuple[int, ...]:
        """Lines the block uses beyond those of its runs (a page marker, a list head)."""
        return ()

    def line_separator(self) -> Inline:
        """What stands between two input lines of one run: a line break."""
        return LineBreak()


@dataclass(kw_only=True)
class TextBlock(BlockBase[R]):
    """A block whose text is one run (read from one line or several)."""

    content: list[R] = field(default_factory=list)

    def runs(self) -> Sequence[list[R]]:
        return (self.content,)


class Head(TextBlock[R]):
    """The document heading (number and title)."""

    role: ClassVar[str] = "head"


class SourceInline(TextBlock[R]):
    """1952–54 and older: the file-number / lot-file line, kept as an inline source note."""

    role: ClassVar[str] = "source-inline"


class Identifier(TextBlock[R]):
    """A document identifier line (``CA-3400``, ``NIE-58``)."""

    role: ClassVar[str] = "identifier"


@dataclass(kw_only=True)
class Classification(TextBlock[R]):
    """A classification line (``Confidential``, ``SECRET``); lower-case text that print
    shows in small capitals is ``smallcaps``."""

    role: ClassVar[str] = "classification"
    smallcaps: bool = False


@dataclass(kw_only=True)
class Heading(TextBlock[R]):
    """A section heading inside the document."""

    role: ClassVar[str] = "heading"
    smallcaps: bool = False


@dataclass(kw_only=True)
class Paragraph(TextBlock[R]):
    """A paragraph. ``joined`` when it was read from several lines that are one paragraph
    (a label line and its text, a paragraph the page broke at its print lines): the lines
    are then joined by a space, not a line break."""

    role: ClassVar[str] = "paragraph"
    joined: bool = False
    #: A row of points or asterisks for omitted text, centred in print (``rend="center"``).
    centered: bool = False

    def line_separator(self) -> Inline:
        return " " if self.joined else LineBreak()


class QuotedParagraph(Paragraph[R]):
    """A paragraph of a block quotation that the paragraph before it introduces (``… the
    following resolution:`` over ``“The Conference …”``): the Office of the Historian nests
    such a quotation in that paragraph, ``<p>…: <quote rend="blockquote"><p>…</p></quote></p>``.

    A run of these (with the page breaks between them) is one quotation; the plain
    :class:`Paragraph` right before the run introduces it. Found by
    :mod:`teikit.reader.quotes`; otherwise a paragraph like any other.
    """

    role: ClassVar[str] = "quote"


class Dateline(TextBlock[R]):
    """Place and date under the title (one or two lines)."""

    role: ClassVar[str] = "dateline"


class Salute(TextBlock[R]):
    """A salutation on a line of its own (``Dear Mr. Secretary:``)."""

    role: ClassVar[str] = "salute"


class Despatch(TextBlock[R]):
    """An older despatch's own number after the title (``No. 214.]``)."""

    role: ClassVar[str] = "despatch"


class EditorsLine(TextBlock[R]):
    """An editors' line of the opening (``[Telegram]``, ``[Paraphrase]``, ``[Extracts.]``):
    a line of the opener when a despatch number, dateline or salutation follows it (as the
    Office's centred ``seg``), else a paragraph of its own."""

    role: ClassVar[str] = "editors-line"


class Enclosure(TextBlock[R]):
    """Opens an enclosure; its content is the label line (``[Inclosure 1 in No. 72.]``),
    if the page has one."""

    role: ClassVar[str] = "enclosure"


class EnclosureHead(TextBlock[R]):
    """An enclosure's own title (``Mr. Dorsey to Mr. Pell.``)."""

    role: ClassVar[str] = "enclosure-head"


@dataclass(kw_only=True)
class ListItem(Generic[R]):
    """One item of a list; ``label`` holds a label such as ``a.`` where the text has one."""

    content: list[R]
    label: list[R] | None = None
    line: int = 0


@dataclass(kw_only=True)
class ItemList(BlockBase[R]):
    """A list: its items, and the head on its own line or before the first item
    (``Subject:``), if any. ``list_type`` is TEI's list type, if the kind has one."""

    items: list[ListItem[R]] = field(default_factory=list)
    head: str | None = None
    list_type: ClassVar[str | None] = None

    def runs(self) -> Sequence[list[R]]:
        found: list[list[R]] = []
        for item in self.items:
            if item.label is not None:
                found.append(item.label)
            found.append(item.content)
        return found

    def own_lines(self) -> tuple[int, ...]:
        return (self.line,) if self.head else ()


class PlainList(ItemList[R]):
    """A bulleted list, or a list of labels and items."""

    role: ClassVar[str] = "list"


class SubjectList(ItemList[R]):
    """The subjects of a memorandum, perhaps under ``Subject:``."""

    role: ClassVar[str] = "subject"
    list_type: ClassVar[str | None] = "subject"


class ParticipantList(ItemList[R]):
    """The participants of a conversation, perhaps under ``Participants:``."""

    role: ClassVar[str] = "participants"
    list_type: ClassVar[str | None] = "participants"


#: The kinds of closer line: the closing phrase, the signature, or a line such as ``[File
#: copy not signed]``.
#: A closing line's role: the closing phrase (``salute``, written as a paragraph), a
#: signature line, a further line of the signature above it (``signed-more``: the
#: signer's title, joined to that signature), a line of the closer's own (``[File copy
#: not signed]``, ``For the Secretary of State:``), or the addressee's line under the
#: signature (``address``: a postscript).
CloserRole = Literal["salute", "signed", "signed-more", "text", "address"]


@dataclass(kw_only=True)
class CloserPart(Generic[R]):
    """One line of a closer and what it is."""

    role: CloserRole
    content: list[R]


@dataclass(kw_only=True)
class Closer(BlockBase[R]):
    """The signature (or a note such as ``[File copy not signed]``), each line a part."""

    role: ClassVar[str] = "closer"
    parts: list[CloserPart[R]] = field(default_factory=list)

    def runs(self) -> Sequence[list[R]]:
        return [part.content for part in self.parts]


@dataclass(kw_only=True)
class PageBreakBlock(BlockBase[R]):
    """A page marker between blocks."""

    role: ClassVar[str] = "pagebreak"
    page: PageBreak

    def own_lines(self) -> tuple[int, ...]:
        return (self.page.line,)


class Postscript(BlockBase[R]):
    """Opens a postscript (``P. S.—…``) after a signature; it holds no text itself."""

    role: ClassVar[str] = "postscript"


#: One block of the document body, in reading order.
Block: TypeAlias = Union[  # noqa: UP007 - a generic alias: ``|`` does not take a TypeVar here
    Head[R],
    SourceInline[R],
    Identifier[R],
    Classification[R],
    Heading[R],
    Paragraph[R],
    QuotedParagraph[R],
    Dateline[R],
    Salute[R],
    Despatch[R],
    EditorsLine[R],
    Enclosure[R],
    EnclosureHead[R],
    PlainList[R],
    SubjectList[R],
    ParticipantList[R],
    Closer[R],
    PageBreakBlock[R],
    Postscript[R],
]

#: Blocks that only TEI's opener holds, and those the opener takes along before them.
OPENER_PARTS: tuple[type[BlockBase[Any]], ...] = (Despatch, Dateline, Salute)
OPENER_RUN: tuple[type[BlockBase[Any]], ...] = (
    *OPENER_PARTS,
    EditorsLine,
    Classification,
    Identifier,
    PageBreakBlock,
)
#: Blocks that may stand before an opener: headings, an enclosure's label and title.
BEFORE_BODY: tuple[type[BlockBase[Any]], ...] = (
    Head,
    SourceInline,
    PageBreakBlock,
    Enclosure,
    EnclosureHead,
)
#: The blocks of a document's heading, which stay above its covering text.
HEADING: tuple[type[BlockBase[Any]], ...] = (Head, SourceInline, PageBreakBlock)
#: Blocks of the document's own text: after one of them, no opening furniture follows.
BODY_TEXT: tuple[type[BlockBase[Any]], ...] = (Paragraph, ItemList, Heading)


def walk(blocks: Iterable[Block[R]]) -> Iterator[tuple[Block[R], list[R]]]:
    """Visit every run of text of ``blocks`` once, in reading order.

    Args:
        blocks: the blocks, drafted (runs of text fields) or placed (runs of inlines).

    Returns:
        An iterator of (block, run) pairs: a text block's content; a list's labels and
        items, each label before its item; a closer's parts. Page breaks between blocks
        and postscript openings have no runs.
    """
    for block in blocks:
        for run in block.runs():
            yield block, run


def convert_runs(block: Block[R], change: Callable[[list[R]], list[S]]) -> Block[S]:
    """Replace each run of ``block`` by ``change`` of it, in place (the draft's blocks
    become the document's: no copy), and return the block, now holding runs of ``S``."""
    if isinstance(block, TextBlock):
        block.content = change(block.content)  # type: ignore[assignment]
    elif isinstance(block, ItemList):
        for item in block.items:
            item.content = change(item.content)  # type: ignore[assignment]
            if item.label is not None:
                item.label = change(item.label)  # type: ignore[assignment]
    elif isinstance(block, Closer):
        for part in block.parts:
            part.content = change(part.content)  # type: ignore[assignment]
    return cast("Block[S]", block)


def page_breaks(blocks: Iterable[Block[Inline]]) -> Iterator[PageBreak]:
    """Every page break of ``blocks`` in reading order: between blocks and in their runs."""
    for block in blocks:
        if isinstance(block, PageBreakBlock):
            yield block.page
        for run in block.runs():
            yield from (x for x in run if isinstance(x, PageBreak))


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
    blocks: list[Block[Inline]]
    notes: list[Note]
    source_line: str | None = None  # the older layouts' source line text, if any
    kind: Literal["historical-document", "editorial-note"] = "historical-document"
    #: The line accounting: every input line (1-based) and what the reader used it as —
    #: a block kind (``paragraph``, ``head``, ``closer`` …), ``pagebreak``, ``note``,
    #: ``note-arrow`` (a lone return arrow of the note list), ``blank``, or ``warned`` (a
    #: line left out with a warning). See :mod:`teikit.reader.accounting`.
    lines: dict[int, str] = field(default_factory=dict)
