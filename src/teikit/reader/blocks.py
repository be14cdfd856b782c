"""The body of a document: front matter, paragraphs, headings and lists, as blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from teikit import lexicon as lx
from teikit.reader import patterns as pt
from teikit.reader.fields import TextField
from teikit.reader.lines import (
    LineClass,
    LineContext,
    classify,
    is_label_line,
    is_table_row,
)
from teikit.reader.model import (
    BODY_TEXT,
    Classification,
    Closer,
    CloserPart,
    CloserRole,
    Dateline,
    Despatch,
    EditorsLine,
    Heading,
    Identifier,
    ItemList,
    ListItem,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    ParticipantList,
    PlainList,
    Postscript,
    Salute,
    SubjectList,
)
from teikit.reader.notelist import (
    is_label,
    strip_arrow,
)
from teikit.reader.printlines import ends_paragraph, page_measure
from teikit.reader.quotes import mark_quotes
from teikit.reader.state import ReaderBase, next_nonblank

#: The list each list head opens (the kinds :func:`~teikit.reader.patterns.list_head` reads).
_ListKind = (
    type[PlainList[TextField]] | type[SubjectList[TextField]] | type[ParticipantList[TextField]]
)
LIST_KINDS: dict[str, _ListKind] = {
    "subject": SubjectList,
    "participants": ParticipantList,
    "list": PlainList,  # the addressees under TO or MEMORANDUM FOR
}


def _item(body: TextField, label: TextField | None = None) -> ListItem[TextField]:
    """A drafted list item: its text, and its label if it has one."""
    return ListItem(content=[body], label=[label] if label is not None else None, line=body.line)


#: The opening lines read before the document's first paragraph, tried in this order (the
#: first that fits wins): each names the BodyReader method that reads it.
FRONT_RULES: tuple[tuple[str, str], ...] = (
    ("an older despatch's own number: No. 214.]", "_front_despatch"),
    ("a dateline over one to three lines, perhaps with (Received …) under it", "_front_dateline"),
    ("a received line without its dateline: [Received July 9—4:10 p.m.]", "_front_received"),
    ("a salutation on a line of its own: Dear Mr. Secretary:", "_front_salute"),
    ("a circular's addressees: To the diplomatic and consular officers …", "_front_addressees"),
    ("older layouts: an identifier line, CA-3400", "_front_identifier"),
    ("a classification line: Confidential, SECRET", "_front_classification"),
)

#: A list head on a line of its own, waiting for its items: (the list it opens, the head's
#: text, its line).
_Pending = tuple[_ListKind, str, int]

#: The year a page broke off a dateline (``Athens, April 25,`` / ``1882.``).
_YEAR_LINE = re.compile(r"^\d{4}\b.{0,20}$")

#: An editors' line of the opening, as the volumes of every era print it: ``[Extracts.]``,
#: ``[Telegram.]``, ``[Confidential.]``, ``[Paraphrase]``, ``[Telegram—Paraphrase.]``.
_EDITORS_LINE = re.compile(r"^\[[A-Z][A-Za-z" + lx.DASHES + r"— ]{2,40}\.?\]\.?$")
#: A received line that the page ran on to the end of its dateline: ``Santiago, April 27,
#: 1891. (Received June 25.)``; group 1 is the dateline.
_RECEIVED_TAIL = re.compile(r"^(.+?)\s+([(\[]Received\b[^()\[\]]{0,60}[)\]]\.?)$")


#: The Old Style date that pages from Russia, Greece and the Balkans (to 1918) print beside
#: the New Style one: ``May 30 (June 12), 1905``, ``April 13/25, 1882``, ``13/25 April``.
_OLD_DAY = r"(?:" + lx.MONTH_WORD + r"\s+)?\d{1,2}"
_OLD_STYLE = re.compile(r"(?<=\d)\s*(?:\(" + _OLD_DAY + r"\)|/" + _OLD_DAY + r"\b)")
#: The most lines a dateline with an Old Style date or a received line runs over
#: (``Ministry for Foreign Affairs, First`` / ``Department,`` / ``May 30 (June 12), 1905.``).
_OLD_STYLE_LINES = 4


def new_style(core: str) -> str:
    """The line with its Old Style date left out, for the dateline rules to read."""
    return _OLD_STYLE.sub("", core, count=1)


def _as_dateline(core: str) -> str | None:
    """The text the dateline rules read of a line (or lines joined) that carries an Old
    Style date or a received line run on to it, with those left out; None when it carries
    neither (the dateline rules read such a line as it is)."""
    both = _RECEIVED_TAIL.match(core)
    read = new_style(both.group(1) if both else core)
    return read if read != core else None


def is_editors_line(core: str) -> bool:
    """Tell whether a line (as the patterns read it) is an editors' line of the opening."""
    return bool(_EDITORS_LINE.match(core))


def _dated_and_received(core: str) -> bool:
    """Tell whether a line is a dateline once an Old Style date or a received line run on
    to it is left out."""
    read = _as_dateline(core)
    return read is not None and pt.is_dateline(read)


_FRONT = LineContext(front=True)
_TEXT = LineContext(front=False)


@dataclass
class _Body:
    """Where the body reader stands in one run of body lines."""

    closer: dict[int, CloserRole]  # the closer's lines (index: role), found first
    end: int  # the index after the run's last line
    layout: str
    front: bool = True  # before the first paragraph: the document's opening furniture
    pending: _Pending | None = None  # a list head waiting for its bullets


class BodyReader(ReaderBase):
    """Classifies the body lines of a page into blocks."""

    if TYPE_CHECKING:  # the heading region and closing, read by FurnitureReader

        def find_closer(self, start: int, end: int) -> dict[int, CloserRole]: ...
        def dateline_span(self, i: int, end: int) -> int | None: ...
        def _dateline_follows(self, i: int, end: int) -> bool: ...

    # -- front matter and the body ------------------------------------------------------

    def read_body(self, start: int, end: int, layout: str) -> None:
        """Read the body lines from ``start`` to ``end`` into blocks.

        Each line is classified on its own (:func:`~teikit.reader.lines.classify`); the
        assembler :data:`ASSEMBLERS` names for its class then reads it into a block, with
        the lines around it that belong to the same block. A page marker, a pending list
        head and the closer come first, whatever the class.
        """
        body = _Body(closer=self.find_closer(start, end), end=end, layout=layout)
        i = start
        while i < end:
            line_class = classify(self.lines[i], _FRONT if body.front else _TEXT)
            if line_class is LineClass.BLANK:
                i += 1
                continue
            if line_class is LineClass.PAGE:
                self._page_line(i)
                i += 1
                continue
            if body.pending is not None and line_class is not LineClass.BULLET:
                stop = self._resolve_pending(i, body)
                if stop > i:
                    i = stop
                    continue
            if i in body.closer and not self._has_paragraph():
                body.closer = {}  # nothing before it but the opening: no closer (TEI wants a block)
            if i in body.closer:
                i = self._read_closer(body.closer)
                continue
            i = ASSEMBLERS[line_class](self, i, body)
        if body.pending is not None:
            _, _, head_line = body.pending
            self.draft.add(
                Paragraph(
                    line=head_line,
                    content=[TextField.from_raw(self.lines[head_line - 1].strip(), head_line)],
                )
            )
        mark_quotes(self.draft.blocks)  # quotations a paragraph introduces (reader/quotes.py)

    def _page_line(self, i: int) -> None:
        """Add the page marker on line ``i`` as a page break between blocks."""
        page = pt.PAGE_LINE.match(pt.shadow(self.lines[i].strip()))
        assert page is not None
        kind = (page.group(1) or "").lower()
        self.draft.add(PageBreakBlock(line=i + 1, page=PageBreak(page.group(2), kind, i + 1)))

    def _resolve_pending(self, i: int, body: _Body) -> int:
        """A list head waits for its bullets, and line ``i`` is none: read the lines from
        ``i`` as its participants, one a line, or keep the head as a paragraph with a
        warning. Return the line after the participants, or ``i``."""
        assert body.pending is not None
        kind, head, head_line = body.pending
        lines = self.lines
        if kind is ParticipantList:
            stop = self._participant_lines(i, body.end, body.closer)
            if stop > i:  # one participant a line, without bullets
                items = [
                    _item(TextField.from_raw(lines[n].strip(), n + 1))
                    for n in range(i, stop)
                    if lines[n].strip()
                ]
                self.draft.add(ParticipantList(line=head_line, head=head, items=items))
                body.pending = None
                return stop
        self.warn(
            head_line,
            f"'{head}' is not followed by a bulleted list; kept it as a paragraph",
            "",
            f"{kind.role}-empty",
        )
        self.draft.add(
            Paragraph(
                line=head_line,
                content=[TextField.from_raw(lines[head_line - 1].strip(), head_line)],
            )
        )
        body.pending = None
        return i

    # The assemblers: each reads the block that line ``i`` of its class opens and returns
    # the index of the line after it (see ASSEMBLERS).

    def _assemble_list_head(self, i: int, body: _Body) -> int:
        text = self.lines[i].strip()
        heading = pt.list_head(pt.shadow(text))
        assert heading is not None
        kind, head, rest = heading
        if rest:
            item = TextField.from_raw(text[text.index(":") + 1 :].strip(), i + 1)
            stop = i + 1
            if kind == "participants":
                # ``Participants: Mr. Stettinius`` and the others one a line below.
                stop = max(stop, self._participant_lines(i + 1, body.end, body.closer))
            more = [
                _item(TextField.from_raw(self.lines[n].strip(), n + 1))
                for n in range(i + 1, stop)
                if self.lines[n].strip()
            ]
            self.draft.add(LIST_KINDS[kind](line=i + 1, head=head, items=[_item(item), *more]))
            return stop
        body.pending = (LIST_KINDS[kind], head, i + 1)
        return i + 1

    def _assemble_bullets(self, i: int, body: _Body) -> int:
        stop = self.read_list(i, body.end, body.front, body.pending, body.closer)
        body.pending = None
        return stop

    def _assemble_label(self, i: int, body: _Body) -> int:
        if not self._label_continues(i, body.end, body.closer):
            return self._assemble_text(i, body)
        self.draft.add(
            Paragraph(
                line=i + 1,
                joined=True,
                content=[
                    TextField.from_raw(self.lines[i].strip(), i + 1),
                    TextField.from_raw(self.lines[i + 1].strip(), i + 2),
                ],
            )
        )
        body.front = False
        return i + 2

    def _assemble_row(self, i: int, body: _Body) -> int:
        # A table typed as text: each row a paragraph of its own, as the page has it.
        self.draft.add(
            Paragraph(line=i + 1, content=[TextField.from_raw(self.lines[i].strip(), i + 1)])
        )
        body.front = False
        return i + 1

    def _assemble_text(self, i: int, body: _Body) -> int:
        lines = self.lines
        lineno = i + 1
        fld = TextField.from_raw(lines[i].strip(), lineno)
        after = self._front_line(i, body, fld) if body.front else None
        if after is not None:
            return after
        if body.front and is_editors_line(pt.shadow(fld.text).strip()):
            # ``[Extracts.]``, ``[Paraphrase]``: the opening goes on under it
            self.draft.add(EditorsLine(line=lineno, content=[fld]))
            return i + 1
        shape = pt.heading_shape(fld.text)
        if shape and self.print_lines and pt.OPEN_LINE_END.search(fld.text):
            shape = None  # a paragraph's first print line, not a heading
        if not shape and body.front and body.layout == "older":
            # Before the first paragraph of an older document, a line without end
            # punctuation is the paper's own title (``Relations Between …: their …``).
            shape = pt.front_title_shape(fld.text)
        if shape:
            self.draft.add(Heading(line=lineno, smallcaps=shape == "smallcaps", content=[fld]))
            return i + 1
        if pt.OMISSION_ROW.match(pt.shadow(fld.text).strip()):
            # A row of points for omitted text: a centred paragraph of its own.
            self.draft.add(Paragraph(line=lineno, centered=True, content=[fld]))
            body.front = False
            return i + 1
        # A memorandum's header line (``FROM: S/P—Anthony Lake``) does not end the opening
        # (an editors' line, read above, neither).
        body.front = body.front and pt.keeps_opening(fld.text)
        stop = self._wrapped_lines(i, body.end, body.closer)
        fields = [fld, *self._run_on_fields(i + 1, stop)]
        self.draft.add(Paragraph(line=lineno, joined=stop > i + 1, content=fields))
        return stop

    def _add_dateline(
        self, fields: list[TextField], after: int, end: int, closer: dict[int, CloserRole]
    ) -> int:
        """Add a dateline of ``fields``, with the ``(Received April 10.)`` line under it when
        there is one (the Office keeps it in the dateline); the next line is ``after``.
        Return the index of the line after the dateline."""
        nxt = next_nonblank(self.lines, after)
        if (
            nxt < end
            and nxt not in closer
            and pt.RECEIVED.match(pt.shadow(self.lines[nxt]).strip())
        ):
            fields = [*fields, TextField.from_raw(self.lines[nxt].strip(), nxt + 1)]
            after = nxt + 1
        self.draft.add(Dateline(line=fields[0].line, content=fields))
        return after

    def _participant_lines(self, i: int, end: int, closer: dict[int, CloserRole]) -> int:
        """The end of a run of participant lines from ``i`` (``The Secretary``, ``Mr.
        Kellerman, EUR``, a group line ``United States``): short lines that are no sentence,
        dateline, list head or page marker. In style B the run ends at a blank line."""
        n = i
        while n < end and n not in closer:
            raw = self.lines[n]
            core = pt.shadow(raw).strip()
            if not core:
                if self.style == "B" or n == i:
                    break
                n += 1
                continue
            words = core.split()
            if (
                len(words) > 14
                or core[-1] in ";:?!"
                or (core[-1] == "." and len(words) > 5)
                or pt.is_dateline(core)
                or pt.list_head(core)
                or pt.PAGE_LINE.match(core)
                or pt.BULLET_A.match(raw)
                or pt.BULLET_B.match(raw)
                or not (core[0].isupper() or core[0] in "([")
            ):
                break
            n += 1
        while n > i and not self.lines[n - 1].strip():
            n -= 1
        return n

    def _wrapped_lines(self, i: int, end: int, closer: dict[int, CloserRole]) -> int:
        """The end of a paragraph that the page broke at its print lines (style A): a line
        with no end punctuation, continued by lines that begin in lower case; on a page that
        kept all its print lines, by any line until one ends the paragraph (a sentence end
        on a line the next word would have fitted on, :mod:`~teikit.reader.printlines`)."""
        n = i
        while self.style == "A" and n + 1 < end and n + 1 not in closer:
            here = pt.strip_trailing_marker(pt.shadow(self.lines[n]).strip())
            raw = self.lines[n + 1]
            following = pt.shadow(raw).strip()
            if self.print_lines:
                after = n + 2  # a page marker on its own line inside the paragraph
                if (
                    pt.PAGE_LINE.match(following)
                    and after < end
                    and after not in closer
                    and self._runs_on(here, self.lines[after])
                ):
                    n = after
                    continue
                if (
                    not here
                    or not following
                    or ends_paragraph(here, following, self._print_width)
                    or pt.PAGE_LINE.match(following)
                    or is_table_row(raw)
                    or pt.ENCLOSURE_LABEL.match(following)
                    or pt.POSTSCRIPT.match(following)
                    or pt.BULLET_A.match(raw)
                    or pt.BULLET_B.match(raw)
                ):
                    break
                n += 1
                continue
            if (
                not here
                or here[-1] in '.?!:;”")]’'
                or not following[:1].islower()
                or pt.BULLET_A.match(raw)
                or pt.BULLET_B.match(raw)
                or pt.heading_shape(following) == "smallcaps"
            ):
                break
            n += 1
        return n + 1

    def _run_on_fields(self, start: int, stop: int) -> list[TextField]:
        """The fields of a paragraph's further lines ``start`` to ``stop``; a page marker on
        a line of its own inside them (a print-line page, :meth:`_wrapped_lines`) opens the
        field of the line after it, as a marker glued to it would (``did `` / pb ``not``)."""
        fields: list[TextField] = []
        n = start
        while n < stop:
            text = self.lines[n].strip()
            page = pt.PAGE_LINE.match(pt.shadow(text))
            if page and n + 1 < stop:
                fld = TextField.from_raw(self.lines[n + 1].strip(), n + 2)
                kind = (page.group(1) or "").lower()
                fld.breaks.insert(0, (0, PageBreak(page.group(2), kind, n + 1)))
                self.uses.append((n + 1, Paragraph.role))
                fields.append(fld)
                n += 2
                continue
            fields.append(TextField.from_raw(text, n + 1))
            n += 1
        return fields

    def _runs_on(self, here: str, raw: str) -> bool:
        """Tell whether the print line ``raw`` goes on with the paragraph whose last line so
        far is ``here`` (a page marker standing between them)."""
        core = pt.shadow(raw).strip()
        return bool(
            here
            and core
            and not ends_paragraph(here, core, self._print_width)
            and not pt.PAGE_LINE.match(core)
            and not pt.ENCLOSURE_LABEL.match(core)
            and not pt.BULLET_A.match(raw)
            and not pt.BULLET_B.match(raw)
        )

    @cached_property
    def _print_width(self) -> int | None:
        """The page's usual print-line width (read once, see
        :func:`~teikit.reader.printlines.page_measure`)."""
        return page_measure(self.lines)

    def _label_continues(self, i: int, end: int, closer: dict[int, CloserRole]) -> bool:
        """Tell whether the line after a label line (``(1)``) is the text it labels."""
        if i + 1 >= end or i + 1 in closer:
            return False
        raw = self.lines[i + 1]
        core = pt.shadow(raw).strip()
        return bool(core) and not (
            pt.PAGE_LINE.match(core)
            or is_label_line(core)
            or pt.BULLET_A.match(raw)
            or pt.BULLET_B.match(raw)
        )

    def _read_closer(self, closer: dict[int, CloserRole]) -> int:
        """Add the closing lines: the closing phrase as a paragraph (as the Office of the
        Historian encodes it), a page marker between it and the signature as a page break,
        the signature (or a note such as ``[File copy not signed]``) as the closer, each of
        several stacked names a signed of its own, and the addressee's lines under it as a
        postscript paragraph. Return the index of the line after the closer. A signature's
        further lines (``signed-more``: ``David J. Hill,`` / ``Acting Secretary.``) join it."""
        lines = self.lines
        order = sorted(closer)
        parts: list[CloserPart[TextField]] = []
        address: list[TextField] = []
        editor: list[TextField] = []

        def flush() -> None:
            if parts:
                self.draft.add(Closer(line=parts[0].content[0].line, parts=list(parts)))
                parts.clear()

        for n in range(order[0], order[-1] + 1):
            text = lines[n].strip()
            page = pt.PAGE_LINE.match(pt.shadow(text))
            fld = TextField.from_raw(text, n + 1)
            role = closer.get(n)
            if role == "salute":
                self.draft.add(Paragraph(line=n + 1, content=[fld]))
            elif role == "address":
                if pt.EDITOR_LINE.match(pt.shadow(text)):
                    editor.append(fld)  # ``[For these inclosures see post…]``: its own p
                else:
                    address.append(fld)
            elif role == "signed-more" and parts:
                parts[-1].content.append(fld)  # the signer's title under the name
            elif role is not None:
                # a signed each of stacked names; a title without its name is one too
                parts.append(
                    CloserPart(role="signed" if role == "signed-more" else role, content=[fld])
                )
            elif page and parts and not address:
                parts[-1].content.append(fld)  # a page marker inside the signature block
            elif page:
                flush()
                kind = (page.group(1) or "").lower()
                pb = PageBreak(page.group(2), kind, n + 1)
                self.draft.add(PageBreakBlock(line=n + 1, page=pb))
            elif text:  # pragma: no cover - find_closer takes consecutive lines only
                raise AssertionError(f"line {n + 1} inside the closer is neither")
        flush()
        if address:
            self.draft.add(Postscript(line=address[0].line))
            self.draft.add(Paragraph(line=address[0].line, content=address))
            for fld in editor:
                self.draft.add(Paragraph(line=fld.line, content=[fld]))
        return order[-1] + 1

    def _front_line(self, i: int, body: _Body, fld: TextField) -> int | None:
        """Read line ``i`` (its field ``fld``) as an opening line by the first rule of
        :data:`FRONT_RULES` that fits; return the index of the line after it, or None when
        the line is no opening line."""
        core = pt.shadow(fld.text).strip()
        for _, rule in FRONT_RULES:
            after: int | None = getattr(self, rule)(i, body, fld, core)
            if after is not None:
                return after
        return None

    # Each opening rule reads line ``i`` (its field ``fld``, its text as the patterns read it
    # ``core``) and returns the index of the line after what it read, or None (having
    # changed nothing) when it does not fit.

    def _front_despatch(self, i: int, body: _Body, fld: TextField, core: str) -> int | None:
        glued = pt.GLUED_DESPATCH.match(core)
        if (
            body.layout != "modern"
            and (pt.DESPATCH_NUMBER.match(core) or (glued and pt.is_dateline(glued.group(2))))
            and not self.draft.has(Despatch, Paragraph, ItemList)
        ):
            # A number glued to a repeated date stays whole: one input line, one block.
            self.draft.add(Despatch(line=i + 1, content=[fld]))
            return i + 1
        return None

    def _front_dateline(self, i: int, body: _Body, fld: TextField, core: str) -> int | None:
        draft = self.draft
        # A second dateline may follow the subject and participants lists (the time of the
        # talk under the date of the memorandum).
        if (
            draft.has(Dateline)
            and not draft.has(SubjectList, ParticipantList)
            and not self._repeats_dateline(core)
        ) or draft.has(Paragraph, PlainList):
            return None
        end, closer = body.end, body.closer
        # the longest reading: a received line may run on to the dateline's last line
        spans = [k for k in (self.dateline_span(i, end), self._annotated_span(i, end)) if k]
        span = max(spans, default=None)
        if (
            span is not None
            and pt.is_dateline(core)
            and not _YEAR_LINE.match(pt.shadow(self.lines[span - 1]).strip())
        ):
            span = None  # a whole dateline on one line: only a year broken off it joins it
        if span is not None and not set(range(i, span)) & set(closer):
            fields = [fld] + [
                TextField.from_raw(self.lines[k].strip(), k + 1) for k in range(i + 1, span)
            ]
            return self._add_dateline(fields, span, end, closer)
        if pt.DATELINE_PLACE.match(core) and self._dateline_follows(i, end):
            nxt = next_nonblank(self.lines, i + 1)
            if nxt not in closer:
                second = TextField.from_raw(self.lines[nxt].strip(), nxt + 1)
                return self._add_dateline([fld, second], nxt + 1, end, closer)
        if pt.is_dateline(core) or _dated_and_received(core):
            return self._add_dateline([fld], i + 1, end, closer)
        return None

    def _annotated_span(self, i: int, end: int) -> int | None:
        """When two to :data:`_OLD_STYLE_LINES` lines from ``i`` read together as a dateline
        once their Old Style date or run-on received line is left out (``Mexico, February
        22,`` / ``1895. (Received Feb. 27.)``), return the index of the line after them."""
        parts: list[str] = []
        found = None
        for k in range(i, min(i + _OLD_STYLE_LINES, end)):
            text = pt.shadow(self.lines[k]).strip()
            if not text or pt.PAGE_LINE.match(text) or pt.RECEIVED.match(text):
                break  # a received line of its own joins the dateline later (_add_dateline)
            parts.append(text)
            if len(parts) >= 2 and _dated_and_received(" ".join(parts)):
                found = k + 1
        return found

    def _repeats_dateline(self, core: str) -> bool:
        """Tell whether a line repeats the last line of the dateline above it, as pages of
        1880–1913 do (``Peking, January 29, 1913.`` twice)."""
        datelines = [b for b in self.draft.blocks if isinstance(b, Dateline)]
        return bool(
            datelines
            and pt.is_dateline(core)
            and pt.shadow(datelines[-1].content[-1].text).strip() == core
        )

    def _front_received(self, i: int, body: _Body, fld: TextField, core: str) -> int | None:
        # The Office keeps the received line in the dateline; the page dropped the rest.
        if pt.RECEIVED.match(core) and not self.draft.has(Dateline, Paragraph, ItemList):
            self.draft.add(Dateline(line=i + 1, content=[fld]))
            return i + 1
        return None

    def _front_salute(self, i: int, body: _Body, fld: TextField, core: str) -> int | None:
        if pt.is_salute(core) and not self.draft.has(Salute):
            self.draft.add(Salute(line=i + 1, content=[fld]))
            return i + 1
        return None

    def _front_addressees(self, i: int, body: _Body, fld: TextField, core: str) -> int | None:
        if body.layout != "modern" and pt.ADDRESSEES.match(core) and not self.draft.has(Salute):
            self.draft.add(Salute(line=i + 1, content=[fld]))
            return i + 1
        return None

    def _front_identifier(self, i: int, body: _Body, fld: TextField, core: str) -> int | None:
        if body.layout == "older" and pt.is_identifier(fld.text) and not fld.breaks:
            fld.searchable = False  # an identifier holds no note (TEI idno has text only)
            self.draft.add(Identifier(line=i + 1, content=[fld]))
            return i + 1
        return None

    def _front_classification(self, i: int, body: _Body, fld: TextField, core: str) -> int | None:
        if body.layout in ("older", "modern") and pt.is_classification(core):
            smallcaps = core == core.lower()
            self.draft.add(Classification(line=i + 1, smallcaps=smallcaps, content=[fld]))
            return i + 1
        return None

    def read_list(
        self,
        i: int,
        end: int,
        front: bool,
        pending: _Pending | None,
        closer: dict[int, CloserRole],
    ) -> int:
        lines = self.lines
        entries: list[tuple[str, int]] = []
        # At the top, before any paragraph or heading: a group of bullets whose list head
        # the page dropped (lists read before it do not end the top).
        headless = front and pending is None and not self.draft.has(Paragraph, Heading)
        blanks = 0
        while i < end and i not in closer:
            raw = lines[i]
            if not raw.strip():
                blanks += 1
                i += 1
                continue
            match = pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)
            if not match:
                break
            if headless and entries and blanks >= 2:
                break  # a dropped list head left its blank lines: the next list starts here
            blanks = 0
            entry, arrow = strip_arrow(match.group(1).strip())
            if arrow:
                self.warn(
                    i + 1,
                    "a footnote bullet (ending ↩) stands before the end of the "
                    "text; kept it as a list item",
                    "move the note list to the end",
                    "note-in-text",
                )
            entries.append((entry, i + 1))
            i += 1
        items: list[ListItem[TextField]] = []
        k = 0
        while k < len(entries):
            text, lineno = entries[k]
            if is_label(text) and k + 1 < len(entries) and not is_label(entries[k + 1][0]):
                label = TextField.from_raw(text, lineno)
                body = TextField.from_raw(entries[k + 1][0], entries[k + 1][1])
                items.append(_item(body, label))
                k += 2
                continue
            items.append(_item(TextField.from_raw(text, lineno)))
            k += 1
        kind: _ListKind = PlainList
        head, line = None, entries[0][1]
        if pending is not None:
            kind, head, line = pending
        elif headless:
            kind = self._headless_list_kind(len(items), i, end, [text for text, _ in entries])
        # A list is labelled throughout or not at all (as TEI has it): a run of bullets that
        # changes between the two is several lists.
        start = 0
        for k in range(1, len(items) + 1):
            if k == len(items) or (items[k].label is None) != (items[start].label is None):
                self.draft.add(kind(line=line, head=head, items=items[start:k]))
                kind, head, line = PlainList, None, items[k].line if k < len(items) else 0
                start = k
        return i

    def _headless_list_kind(
        self, count: int, i: int, end: int, texts: list[str] | None = None
    ) -> _ListKind:
        """The kind of a bullet group at the top whose head the page dropped: one item is
        the subject; several are the participants when the title names a conversation or
        a meeting, else the addressees (a plain list); a group alone is the subject, unless
        the title names a meeting and every item begins with a form of address or a rank
        (``Secretary Dulles``, ``Mr. Rountree``)."""
        following = next_nonblank(self.lines, i)
        more = following < end and bool(
            pt.BULLET_B.match(self.lines[following]) or pt.BULLET_A.match(self.lines[following])
        )
        title = " ".join(pt.strip_trailing_marker(f.text) for f in self.title_fields)
        meeting = bool(pt.MEETING_TITLE.search(title))
        if count == 1:
            return SubjectList
        if not (more or self.draft.has(ItemList)):
            people = texts and all(pt.PARTICIPANT_LINE.match(pt.shadow(t).strip()) for t in texts)
            return ParticipantList if meeting and people else SubjectList
        return ParticipantList if meeting else PlainList

    def _has_paragraph(self) -> bool:
        return self.draft.has(*BODY_TEXT)


#: The assembler of each class of line that opens a block (blank lines and page markers are
#: read by read_body itself).
ASSEMBLERS: dict[LineClass, Callable[[BodyReader, int, _Body], int]] = {
    LineClass.LIST_HEAD: BodyReader._assemble_list_head,
    LineClass.BULLET: BodyReader._assemble_bullets,
    LineClass.LABEL: BodyReader._assemble_label,
    LineClass.ROW: BodyReader._assemble_row,
    LineClass.TEXT: BodyReader._assemble_text,
}
