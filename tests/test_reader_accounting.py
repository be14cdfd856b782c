"""The reader's line accounting: every input line used exactly once, or reported.

Run over every variant fixture, every seed and every page of the development set beside
the checkout (../shared/devset/pages): each line has exactly one role, no line is left
unused, none is used twice. A deliberately broken reader (a closing that skips the page
marker between the closing phrase and the signature, as the reader once did; a note list
that drops a continuation paragraph) must be caught by the accounting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, SEED_FILES, SHARED

from teikit.reader import blocks, notelist
from teikit.reader.accounting import account
from teikit.reader.document import read_document
from teikit.reader.fields import TextField
from teikit.reader.model import Closer, CloserPart, CloserRole
from teikit.textsource import decode

VARIANTS = sorted((REPO / "tests" / "fixtures" / "variants").glob("*.txt"))
DEVSET = sorted((SHARED / "devset" / "pages").glob("*.txt"))
ACCOUNTING_CODES = {"line-unused", "line-reused"}


def read(path: Path):
    return read_document(decode(path.read_bytes(), path.name))


def test_the_development_set_is_beside_the_checkout() -> None:
    assert len(DEVSET) >= 90, "../shared/devset/pages should hold the development pages"


@pytest.mark.parametrize("path", VARIANTS + SEED_FILES + DEVSET, ids=lambda p: p.name)
def test_every_line_is_used_exactly_once(path: Path) -> None:
    document, warnings = read(path)
    lines = decode(path.read_bytes(), path.name).lines
    assert sorted(document.lines) == list(range(1, len(lines) + 1))
    assert not [w for w in warnings if w.code in ACCOUNTING_CODES], warnings
    for number, text in enumerate(lines, 1):
        assert (document.lines[number] == "blank") == (not text.strip()), (number, text)


def test_account_finds_unused_and_reused_lines() -> None:
    lines = ["Title", "", "Text", "more", "[Page 2]"]
    result = account(lines, [(1, "head"), (3, "paragraph"), (3, "list"), (5, "pagebreak")])
    assert result.roles == {1: "head", 2: "blank", 3: "paragraph", 5: "pagebreak"}
    assert result.unused == [4]
    assert result.reused == [(3, "paragraph", "list")]


CLOSING_WITH_PAGE = """\
12. Letter From the Secretary of State to the Ambassador in Lisbon0
Dear Mr. Ambassador:
The Department has weighed the proposal with care and will answer it in full next week.
Sincerely yours,
[Page 31]
Arthur Penhallow
- Source: Department of State, Central Files, 753.00/3–1256. Confidential.↩"""


def test_a_reader_path_that_drops_a_page_line_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    text = decode(CLOSING_WITH_PAGE.encode(), "closing.txt")
    document, warnings = read_document(text)
    assert document.lines[5] == "pagebreak"
    assert not [w for w in warnings if w.code in ACCOUNTING_CODES]

    def skips_the_page(self, closer: dict[int, CloserRole]) -> int:
        # The old closer: the closing phrase and the signature, and nothing between them.
        order = sorted(closer)
        parts = [
            CloserPart(role=closer[n], content=[TextField.from_raw(self.lines[n].strip(), n + 1)])
            for n in order
        ]
        self.draft.add(Closer(line=order[0] + 1, parts=parts))
        return order[-1] + 1

    monkeypatch.setattr(blocks.BodyReader, "_read_closer", skips_the_page)
    _, warnings = read_document(text)
    unused = [w for w in warnings if w.code == "line-unused"]
    assert [w.line for w in unused] == [5]


MULTI_PARAGRAPH_NOTE = """\
40. Memorandum From the Director to the Secretary0
The paper1 is attached.
- Source: Department of State, Lot Files. Secret.↩
- The paper is not printed.↩
  Its annex went to the Embassy in a later pouch.
↩"""


def test_a_note_list_that_drops_a_paragraph_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    text = decode(MULTI_PARAGRAPH_NOTE.encode(), "note.txt")
    document, warnings = read_document(text)
    assert [document.lines[k] for k in (3, 4, 5, 6)] == ["note", "note", "note", "note-arrow"]
    real = notelist._read_a

    def drops_continuations(lines: list[str], first: int, end: int):
        notes = real(lines, first, end)
        for note in notes:
            del note.paragraphs[1:]
        return notes

    monkeypatch.setattr(notelist, "_read_a", drops_continuations)
    _, warnings = read_document(text)
    assert [w.line for w in warnings if w.code == "line-unused"] == [5]
