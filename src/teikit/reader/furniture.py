"""The furniture around a document's body: its heading region (number, source line,
title, dateline) and its closing (closing phrase and signature)."""

from __future__ import annotations

import re
from collections.abc import Callable

from teikit.reader import patterns as pt
from teikit.reader.blocks import is_editors_line
from teikit.reader.fields import TextField
from teikit.reader.model import CloserRole, Head, SourceInline
from teikit.reader.state import SMALL_WORD_END, ReaderBase, next_nonblank

#: A dateline runs over at most so many lines.
_DATELINE_LINES = 4

#: The text of a note-list line, never a title: ``1. Source: …``, ``2. Not printed.``
_NOTE_TEXT = re.compile(r"^\d{1,4}\.\s+(?:Source:|Not printed|Not found|See\b|Printed\b)")

#: A word of letters and digits run together, or digits split by a slash: a reference
#: number (``Nr.Ic16180/96680``, ``No. 83907/76``), never a title's word (a note marker
#: glued to a title's last word, ``Estimate1``, is left out first).
_REFERENCE = re.compile(r"[A-Za-z.]\d|\d/\d")

#: What an opening rule returns: (next line index, number, layout, source line).
_Opening = tuple[int, int | None, str, str | None]

#: The openings of a page, tried in this order (the first that fits wins): a new layout is
#: one more rule here. Each names the FurnitureReader method that reads it.
OPENINGS: tuple[tuple[str, str], ...] = (
    ("1955 and later: NNN. Title", "_open_modern"),
    ("1943–54: source line, No. NNN, title", "_open_numbered"),
    ("1860s–1910s: Mr. A to Mr. B.", "_open_sender"),
    ("1860s–1880s: the printed No. 39. over Mr. A to Mr. B.", "_open_printed_number"),
    ("an editorial note without a number: Editorial Note", "_open_editorial_note"),
    ("1900s–1954: the title first, no source line", "_open_title_first"),
    ("1900s–1954: source line (file number, files, kind), then the title", "_open_source_line"),
    ("an editors' line over the title ([Extracts.]): the inline source note", "_open_editors_line"),
    ("a line of no known shape over a title: the source line, warned", "_open_unknown_source"),
    (
        "a first line of no known title shape that reads as a title: the head, warned",
        "_open_unknown_title",
    ),
)


def _dated_title(core: str) -> bool:
    """Tell whether a line of dateline shape is a title that ends in its date: what stands
    for the place names a paper (``Memorandum by the Secretary of State, February 13,
    1915``), which no place does."""
    dateline = pt.DATELINE.match(core)
    return dateline is not None and pt.is_document_title(dateline["place"].rstrip(",]").strip())


class FurnitureReader(ReaderBase):
    """Reads the heading region and the closing of a page."""

    # -- the heading region -------------------------------------------------------------

    def read_head(self, end: int) -> tuple[int, int | None, str, str | None]:
        """Read the heading region by the first rule of :data:`OPENINGS` that fits.

        Returns:
            (next line index, document number or None, layout, source line or None).
        """
        lines = self.lines
        top = next_nonblank(lines, 0)
        if top >= end:
            raise self.fail(
                None,
                "no document text before the note list",
                "give the text of one FRUS document",
                "no-title",
            )
        first = pt.shadow(lines[top]).strip()
        for _, rule in OPENINGS:
            opening = getattr(self, rule)(top, end, first)
            if opening is not None:
                return opening
        raise self.fail(
            top + 1,
            "no recognisable title: the first line should read "
            "'NNN. Title' (1955 and later volumes), or be a source line followed "
            "by 'No. NNN' or by the title (older volumes), or a title such as "
            "'Mr. Harlow to Mr. Pell.' (1861–1910s)",
            "check that the whole document page was copied",
            "no-title",
        )

    # Each opening rule reads the heading region from line ``top`` (its text ``first``) and
    # returns what read_head returns, or None (having changed nothing) when it does not fit.

    def _open_modern(self, top: int, end: int, first: str) -> _Opening | None:
        # The heading starts the line: an indented "  1. Source: …" is a note-list line, not
        # a title. A heading the copy indented is still one (``  12. Memorandum From …``).
        line = pt.shadow(self.lines[top]).rstrip()
        if line[:1].isspace() and not _NOTE_TEXT.match(line.lstrip()):
            line = line.lstrip()
        match = pt.MODERN_HEAD.match(line)
        suffixed = None if match else pt.MODERN_HEAD_SUFFIXED.match(line)
        if not (match or suffixed):
            return None
        head = TextField.from_raw(self.lines[top].strip(), top + 1, in_head=True)
        self.draft.add(Head(line=top + 1, content=[head]))
        self.title_fields = [head]
        if suffixed:
            # The head keeps ``55a.``; a document id is a whole number, so it comes from the
            # catalog, --doc or the file name.
            self.warn(
                top + 1,
                f"the document number '{suffixed.group(1)}' carries a letter; kept it in the "
                "head, but took no document number from it",
                "give the number with --doc N or in the catalog",
                "number-suffixed",
            )
            return top + 1, None, "modern", None
        assert match is not None  # one of the two matched
        return top + 1, int(match.group(1)), "modern", None

    def _open_numbered(self, top: int, end: int, first: str) -> _Opening | None:
        lines = self.lines
        number_line = self._older_number_line(top, end)
        if number_line is None:
            return None
        number_text = pt.shadow(lines[number_line]).strip()
        number_match = pt.OLDER_NUMBER.match(number_text)
        assert number_match is not None
        titles = self._title_lines(number_line + 1, end)
        if not titles:
            raise self.fail(
                number_line + 1,
                f"'{number_text}' is not followed by a title",
                "the line after 'No. NNN' should name the document",
                "no-title",
            )
        source_line = self._source_block(top, number_line) if number_line > top else None
        self._head_block(number_line, lines[number_line].strip(), titles)
        return titles[-1][1], int(number_match.group(1)), "older", source_line

    def _open_sender(self, top: int, end: int, first: str) -> _Opening | None:
        if not (
            pt.is_sender_title(first)
            or self._broken_sender_title(top, end, first)
            or self._run_in_sender_title(top, end, first)
        ):
            return None
        if not (titles := self._title_lines(top, end)):
            return None
        self._head_block(None, None, titles)
        return titles[-1][1], None, "nineteenth-century", None

    def _open_printed_number(self, top: int, end: int, first: str) -> _Opening | None:
        # ``No. 39.`` over ``Mr. Fish to Mr. Washburne.``: the printed volume's own running
        # number, kept as the inline source note (it is not the FRUS document number).
        lines = self.lines
        if not pt.PRINTED_NUMBER.match(first):
            return None
        below = next_nonblank(lines, top + 1)
        if below >= end or not (
            pt.is_sender_title(lines[below])
            or pt.is_sender_title(
                " ".join(pt.shadow(lines[k]).strip() for k in range(below, min(below + 2, end)))
            )
        ):
            return None
        titles = self._title_lines(below, end)
        if not titles:
            return None
        source_line = self._source_block(top, top + 1)
        self._head_block(None, None, titles)
        return titles[-1][1], None, "nineteenth-century", source_line

    def _open_editorial_note(self, top: int, end: int, first: str) -> _Opening | None:
        if pt.strip_trailing_marker(first).strip().lower() != "editorial note":
            return None
        head = TextField.from_raw(self.lines[top].strip(), top + 1, in_head=True)
        self.draft.add(Head(line=top + 1, content=[head]))
        self.title_fields = [head]
        return top + 1, None, "older", None

    def _open_title_first(self, top: int, end: int, first: str) -> _Opening | None:
        # ``The Ambassador in Mexico (Daniels) to the Secretary of State`` or ``Memorandum of
        # Conversation, by …`` first on the page: the page kept no source line.
        if not pt.is_document_title(first) or not (titles := self._title_lines(top, end)):
            return None
        self._head_block(None, None, titles)
        return titles[-1][1], None, "older", None

    def _open_source_line(self, top: int, end: int, first: str) -> _Opening | None:
        if not pt.is_source_line(first):
            return None
        # An editors' line between the source line and the title (``[Enclosure—Translation]``)
        # is a second inline source note, as the Office keeps ``[Extracts.]`` by the title.
        editors = next_nonblank(self.lines, top + 1)
        if not (editors < end and is_editors_line(pt.shadow(self.lines[editors]).strip())):
            editors = top
        titles = self._title_lines(editors + 1, end)
        if (
            titles
            and not (
                pt.front_title_shape(titles[0][0])
                or pt.is_sender_title(titles[0][0])
                or pt.is_document_title(titles[0][0])
            )
            and pt.is_plausible_title(titles[0][0])
        ):
            self._warn_unknown_title(titles[0][1] - 1, pt.shadow(titles[0][0]).strip())
        elif not titles or not (
            pt.front_title_shape(titles[0][0])
            or pt.is_sender_title(titles[0][0])
            or pt.is_document_title(titles[0][0])
        ):
            line = titles[0][1] if titles else top + 2
            raise self.fail(
                line,
                "the source line is not followed by a title (such as "
                "'The Secretary of State to the Embassy in France')",
                "check that the whole document page was copied",
                "no-title",
            )
        source_line = self._source_block(top, top + 1)
        if editors > top:
            self._editors_block(editors)
        self._head_block(None, None, titles)
        return titles[-1][1], None, "older", source_line

    def _open_editors_line(self, top: int, end: int, first: str) -> _Opening | None:
        # ``[Extracts.]`` over ``Mr. Dalton to Mr. Seward.``: the editors' line above the title
        # is the inline source note (the Office keeps ``[Extracts.]`` of a despatch printed
        # in part so); the title under it opens the page by the other rules.
        below = next_nonblank(self.lines, top + 1)
        if below >= end or not is_editors_line(first):
            return None
        blocks, fields = len(self.draft.blocks), len(self.draft.fields)
        seen, uses = set(self.draft.seen), len(self.uses)
        self._editors_block(top)
        title = pt.shadow(self.lines[below]).strip()
        for _, rule in OPENINGS:
            if rule != "_open_editors_line" and (opening := getattr(self, rule)(below, end, title)):
                return opening
        # No rule takes the line under it: the draft as it was, for the refusal.
        del self.draft.blocks[blocks:], self.draft.fields[fields:], self.uses[uses:]
        self.draft.seen = seen
        return None

    def _editors_block(self, at: int) -> None:
        """Add the editors' line ``at`` of the heading region as an inline source note."""
        fld = TextField.from_raw(self.lines[at].strip(), at + 1, in_head=True)
        fld.tail_only = True
        self.draft.add(SourceInline(line=at + 1, content=[fld]))

    def _open_unknown_source(self, top: int, end: int, first: str) -> _Opening | None:
        # ``United States Delegation Minutes: SFM Min–6`` over ``Memorandum by …``: a line
        # of no shape the reader knows, over a title it knows, is the source line.
        below = next_nonblank(self.lines, top + 1)
        if below >= end or pt.is_classification(first) or not pt.is_plausible_title(first):
            return None
        title = pt.shadow(self.lines[below]).strip()
        if not (pt.is_sender_title(title) or pt.is_document_title(title)):
            return None
        titles = self._title_lines(below, end)
        if not titles:
            return None
        self.warn(
            top + 1,
            f"'{first}' is no source line the reader knows; read it as the source line, "
            "since a title follows it",
            "check the source note in the TEI",
            "source-unknown",
        )
        source_line = self._source_block(top, top + 1)
        self._head_block(None, None, titles)
        return titles[-1][1], None, "older", source_line

    def _open_unknown_title(self, top: int, end: int, first: str) -> _Opening | None:
        # A title of a shape no rule above knows (``Informal Record of the Talks …``): the
        # head, with a warning, rather than a refusal, while the line reads as a title.
        raw = self.lines[top]
        if pt.BULLET_A.match(raw) or pt.BULLET_B.match(raw) or not pt.is_plausible_title(first):
            return None
        titles = self._title_lines(top, end) or [(raw.strip(), top + 1)]
        self._warn_unknown_title(top, first)
        self._head_block(None, None, titles)
        return titles[-1][1], None, "older", None

    def _warn_unknown_title(self, top: int, first: str) -> None:
        self.warn(
            top + 1,
            f"the title '{first}' has no shape the reader knows; read it as the head",
            "check the head in the TEI",
            "title-unknown",
        )

    def _run_in_sender_title(self, top: int, end: int, first: str) -> bool:
        """Tell whether the first line is a sender title the print ran in to its dateline, a
        comma at its end (``Mr. Dalton to Mr. Seward,`` over ``Lisbon, August 23, 1861.``)."""
        below = next_nonblank(self.lines, top + 1)
        if not first.endswith(",") or below >= end:
            return False
        dated = pt.is_dateline(self.lines[below]) or self.dateline_span(below, end) is not None
        return dated and pt.is_sender_title(first[:-1] + ".")

    def _broken_sender_title(self, top: int, end: int, first: str) -> bool:
        """Tell whether the first line is a sender title the print broke inside a name or
        after its ``to`` (``Mr. Denby to Mr.`` / ``Olney.``, ``The Tsung-li Yamên to`` /
        ``Mr. Denby.``), its second line right under the first."""
        below = top + 1
        if below >= end or not self.lines[below].strip():
            return False
        if not (pt.ends_in_honorific(first) or first.endswith(" to")):
            return False
        return pt.is_sender_title(f"{first} {pt.shadow(self.lines[below]).strip()}")

    def _older_number_line(self, top: int, end: int) -> int | None:
        lines = self.lines
        probe, seen = top, 0
        while probe < end and seen < 3:
            if lines[probe].strip():
                if pt.OLDER_NUMBER.match(pt.shadow(lines[probe]).strip()):
                    break
                seen += 1
            probe += 1
        else:
            return None
        if probe >= end:
            return None
        if any(
            pt.BULLET_A.match(lines[i])
            or pt.BULLET_B.match(lines[i])
            or pt.PAGE_LINE.match(lines[i].strip())
            or pt.is_document_title(lines[i])
            or pt.is_sender_title(lines[i])
            for i in range(top, probe)
        ):
            # A bullet or page marker is no source line; below a title, ``No. 1805`` is the
            # despatch's own number, not the FRUS document number.
            return None
        return probe

    def _source_block(self, top: int, stop: int) -> str:
        parts = [self.lines[i].strip() for i in range(top, stop) if self.lines[i].strip()]
        if len(parts) > 1:
            self.warn(
                top + 1, "the source line runs over several lines; joined them", "", "source-lines"
            )
        source_line = " ".join(parts)
        self.uses += [
            (i + 1, "source-inline") for i in range(top + 1, stop) if self.lines[i].strip()
        ]
        # The source line is itself a note: a marker can stand only at its end, where the
        # print set the source note's own footnote (``Policy Planning Staff Files1``).
        fld = TextField.from_raw(source_line, top + 1, in_head=True)
        fld.tail_only = True
        self.draft.add(SourceInline(line=top + 1, content=[fld]))
        return source_line

    def _head_block(
        self, number_line: int | None, number_text: str | None, titles: list[tuple[str, int]]
    ) -> None:
        fields = []
        if number_line is not None and number_text is not None:
            fields.append(TextField.from_raw(number_text, number_line + 1, in_head=True))
        title_fields = [TextField.from_raw(t, n, in_head=True) for t, n in titles]
        self.title_fields = title_fields
        first_line = number_line + 1 if number_line is not None else titles[0][1]
        self.draft.add(Head(line=first_line, content=fields + title_fields))

    def _title_lines(self, start: int, end: int) -> list[tuple[str, int]]:
        """The title's lines from ``start``: one block in style B; in style A a line and the
        short lines that continue it."""
        lines = self.lines
        style_b = self.style == "B"
        i = start
        title: list[tuple[str, int]] = []
        while i < end:
            raw = lines[i]
            text = raw.strip()
            if not text:
                if style_b and title:
                    break
                i += 1
                continue
            core = pt.shadow(text)
            if title and (not style_b) and not self._title_continues(title[-1][0], text):
                break
            if (
                pt.PAGE_LINE.match(core)
                or pt.is_identifier(core)
                or pt.is_classification(core)
                or pt.SUBJECT.match(core)
                or pt.list_head(core)
                or (pt.is_dateline(core) and not _dated_title(core))
                or pt.is_salute(core)
                or pt.DESPATCH_NUMBER.match(core)
                or pt.BULLET_B.match(raw)
                or pt.BULLET_A.match(raw)
            ):
                break
            if title and pt.PAPER_KIND.match(pt.strip_trailing_marker(core)):
                break  # ``Note Verbale``, ``Aide-Mémoire``: the kind of paper, under its title
            # ``Mr. Denby to Mr.`` / ``Olney.``: the name the print broke off comes first.
            broken = bool(title) and (
                pt.ends_in_honorific(title[-1][0]) or title[-1][0].endswith(" to")
            )
            if (
                title
                and not broken
                and pt.DATELINE_PLACE.match(core)
                and self._dateline_follows(i, end)
            ):
                break
            if title and not broken and self.dateline_span(i, end) is not None:
                break  # ``Rio de`` / ``Janeiro, December 17, 1941—4`` / ``p.m.``
            title.append((text, i + 1))
            i += 1
        return title

    @staticmethod
    def _title_continues(previous: str, text: str) -> bool:
        # Style A has no blank lines: a title line is continued when it ends in a small word
        # (``Memorandum of Conversation, by the``), or by a short capitalised line when it
        # has neither end punctuation nor a note marker.
        previous = pt.shadow(previous).rstrip()
        if pt.strip_trailing_marker(previous) != previous:
            return False
        if pt.ends_in_honorific(previous) and text[:1].isupper() and len(text.split()) <= 3:
            return True  # ``Mr. Denby to Mr.`` / ``Olney.``: the print broke the name
        if SMALL_WORD_END.search(previous):
            return True
        if text.startswith("to ") and previous[-1:] not in ".:;,":
            return True  # ``Mr. Evarts`` / ``to Mr. White.``
        if previous[-1:] in ".:;,":
            return False
        # A reference number under the title (``Nr.Ic16180/96680``) is no word of it.
        return (
            len(text.split()) <= 3
            and text[:1].isupper()
            and not _REFERENCE.search(pt.strip_trailing_marker(text))
        )

    def dateline_span(self, i: int, end: int) -> int | None:
        """When two to four consecutive lines from ``i`` read together as a dateline (a
        page may break one anywhere: ``Rio de`` / ``Janeiro, May 2, 1941—4`` / ``p.m.``;
        ``Legation of the United States in`` / ``Japan,`` / ``Yedo,`` / ``May 2, 1865.``),
        return the index of the line after them."""
        parts: list[str] = []
        found = None
        for k in range(i, min(i + _DATELINE_LINES, end)):
            text = pt.shadow(self.lines[k]).strip()
            if not text or pt.PAGE_LINE.match(text):
                break
            parts.append(text)
            if (
                len(parts) >= 2
                and (
                    pt.is_dateline(" ".join(parts))
                    # ``of State,`` / ``Washington, May 19, 1880.``: the place lost a word
                    or (
                        pt.DATELINE_FRAGMENT.match(parts[0]) and pt.is_dateline(" ".join(parts[1:]))
                    )
                )
            ):
                found = k + 1  # the longest reading wins: ``…—4`` / ``p.m.``
        return found

    def _dateline_follows(self, i: int, end: int) -> bool:
        nxt = next_nonblank(self.lines, i + 1) if self.style == "A" else i + 1
        return (
            nxt < end and bool(self.lines[nxt].strip()) and pt.is_dateline(self.lines[nxt].strip())
        )

    # -- the bottom: closing and signature ------------------------------------------------

    def find_closer(self, start: int, end: int) -> dict[int, CloserRole]:
        """Find the closer's lines, scanning back from the end of the body: the addressee's
        line(s) an older page prints under the signature, the signature (one line, a name
        and its title over two, or several stacked names), a ``For the Secretary of State:``
        line over it, and the closing phrase."""
        lines = self.lines
        body = [
            n
            for n in range(start, end)
            if lines[n].strip() and not pt.PAGE_LINE.match(pt.shadow(lines[n]).strip())
        ]
        if len(body) < 2:
            return {}
        if pt.BULLET_A.match(lines[body[-1]]) or pt.BULLET_B.match(lines[body[-1]]):
            return {}

        def text(k: int) -> str:
            # A note marker glued to the end says nothing of the line's shape.
            return pt.strip_trailing_marker(pt.shadow(lines[body[k]]).strip())

        roles: dict[int, CloserRole] = {}
        if text(len(body) - 1)[-1:] in '”"':
            return {}  # the end of a quoted message the document carries, not its signature
        # An editor's bracketed line under the addressee's line belongs to the postscript.
        bottom = len(body)
        while bottom > 2 and pt.EDITOR_LINE.match(text(bottom - 1)):
            bottom -= 1
        top = self._address_top(body[:bottom], text)
        if top is not None:
            roles.update((n, "address") for n in body[top:])
        else:
            top = len(body)
        # The closing phrase, with at most four signature lines under it.
        for c in range(top - 1, max(top - 6, 0) - 1, -1):
            if pt.is_closing(text(c)):
                block = [text(k) for k in range(c + 1, top)]
                if c > 0 and all(self._signature_part(t) for t in block):
                    roles[body[c]] = "salute"
                    previous = ""
                    for k in range(c + 1, top):
                        here = text(k)
                        if pt.SIGNING_FOR.match(here) or pt.NOT_SIGNED.match(here):
                            roles[body[k]] = "text"
                        elif previous and self._continues_signature(previous, here):
                            roles[body[k]] = "signed-more"
                        else:
                            roles[body[k]] = "signed"
                        previous = "" if roles[body[k]] == "text" else here
                    return roles
                break
            if not self._signature_part(text(c)):
                break
        if top < 1:
            return roles
        last = text(top - 1)
        if pt.NOT_SIGNED.match(last):
            roles[body[top - 1]] = "text"
        elif (
            pt.looks_like_signature(last)
            and not pt.is_salute(last)
            and not pt.list_head(last)
            and top >= 2
        ):
            if (
                last.endswith(".")
                and not re.search(r"\b[A-Z]\.", last)
                and not (pt.is_name_line(last) or roles)
            ):
                return roles  # ``Full Text Follows.``: a sentence, unless a closing precedes it
            sig = top - 1
            roles[body[sig]] = "signed"
            name = text(sig - 1)
            if (
                sig >= 2
                and pt.is_signer_title(last)
                and pt.looks_like_signature(name)
                and not pt.is_signer_title(name)
                and not pt.is_closing(name)
            ):
                # The signer's name over his title: one signature.
                sig -= 1
                roles[body[sig]] = "signed"
                roles[body[sig + 1]] = "signed-more"
            else:
                # Names stacked one a line in capitals (``B. HECHT.`` / ``MARK HELD.``).
                while sig >= 2 and top - sig < 4 and self._stacked_name(text(sig - 1)):
                    sig -= 1
                    roles[body[sig]] = "signed"
            if sig >= 2 and pt.SIGNING_FOR.match(text(sig - 1)):
                sig -= 1
                roles[body[sig]] = "text"  # the closer's text, as the Office encodes it
            if sig >= 2 and pt.is_closing(text(sig - 1)):
                roles[body[sig - 1]] = "salute"
        return roles

    @staticmethod
    def _continues_signature(previous: str, line: str) -> bool:
        """Tell whether a line under a signature line continues it (the signer's office:
        ``David J. Hill,`` / ``Acting Secretary.``; ``… ad interim`` / ``in Japan.``) rather
        than begins a second, stacked signature."""
        if previous.endswith("."):
            return False
        return (
            previous.endswith(",")
            or line[:1].islower()
            or pt.is_signer_title(line)
            or bool(pt.OPEN_LINE_END.search(previous))
        )

    def _address_top(self, body: list[int], text: Callable[[int], str]) -> int | None:
        """The first of the addressee's lines at the end of ``body`` (an index into it):
        an address line, then at most two lines that continue it; None if there is none."""
        for k in range(len(body) - 1, max(len(body) - 4, 1) - 1, -1):
            if (
                pt.is_address(text(k))
                and (k == len(body) - 1 or text(k).endswith(","))
                and all(len(text(j).split()) <= 12 for j in range(k + 1, len(body)))
            ):
                return k
        return None

    @staticmethod
    def _signature_part(text: str) -> bool:
        """Tell whether a line may stand in a signature block under a closing phrase: a
        name, an office (``Acting Secretary.``, ``in Japan.``), ``For the …:``."""
        words = text.split()
        if not words or len(words) > 10 or pt.is_closing(text) or pt.is_dateline(text):
            return False
        if pt.SIGNING_FOR.match(text) or pt.NOT_SIGNED.match(text):
            return True
        if text[-1] in ':;?!”"’':
            return False
        return pt.looks_like_signature(text) or pt.is_office_line(text)

    @staticmethod
    def _stacked_name(text: str) -> bool:
        """Tell whether a line is a name in capitals, as stacked signatures print them."""
        letters = [c for c in text if c.isalpha()]
        return (
            bool(letters)
            and all(c.isupper() for c in letters)
            and len(text.split()) <= 5
            and pt.looks_like_signature(text)
        )
