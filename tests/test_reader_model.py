"""The reader's document model: one typed variant per block kind, one walk over their runs.

Every member of the :data:`~teikit.reader.model.Block` union is built here with runs of
distinct tokens; the walk must yield each run once, in reading order. The body writer's
table must name a writer for every member, and the drafted fields must come in the walk's
order (the order the marker resolver searches). Over every seed and variant fixture, each
note's reference is met exactly once by the walk.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from conftest import REPO, SEED_FILES
from lxml import etree

from teikit.reader import model
from teikit.reader.document import read_document
from teikit.reader.fields import TextField
from teikit.reader.model import (
    Block,
    Classification,
    Closer,
    CloserPart,
    Dateline,
    Despatch,
    Document,
    EditorsLine,
    Enclosure,
    EnclosureHead,
    Head,
    Heading,
    Identifier,
    ListItem,
    NoteRef,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    ParticipantList,
    PlainList,
    Postscript,
    QuotedParagraph,
    Salute,
    SourceInline,
    SubjectList,
    convert_runs,
    page_breaks,
    walk,
)
from teikit.reader.state import Draft
from teikit.tei import body
from teikit.tei.names import tei
from teikit.textsource import decode

VARIANTS = sorted((REPO / "tests" / "fixtures" / "variants").glob("*.txt"))
MEMBERS = {get_origin(member) or member for member in get_args(Block)}


def _text(kind: type[Any]) -> Callable[[str], Any]:
    return lambda tag: kind(line=1, content=[f"{tag}.text"])


def _list(kind: type[Any]) -> Callable[[str], Any]:
    return lambda tag: kind(
        line=1,
        head="Subject:" if kind is not PlainList else None,
        items=[
            ListItem(content=[f"{tag}.item1"], label=[f"{tag}.label1"], line=1),
            ListItem(content=[f"{tag}.item2"], line=2),
        ],
    )


#: One instance of each variant, with runs of tokens named after it.
BUILDERS: dict[type[Any], Callable[[str], Any]] = {
    Head: _text(Head),
    SourceInline: _text(SourceInline),
    Identifier: _text(Identifier),
    Classification: _text(Classification),
    Heading: _text(Heading),
    Paragraph: _text(Paragraph),
    QuotedParagraph: _text(QuotedParagraph),
    Dateline: _text(Dateline),
    Salute: _text(Salute),
    Despatch: _text(Despatch),
    EditorsLine: _text(EditorsLine),
    Enclosure: _text(Enclosure),
    EnclosureHead: _text(EnclosureHead),
    PlainList: _list(PlainList),
    SubjectList: _list(SubjectList),
    ParticipantList: _list(ParticipantList),
    Closer: lambda tag: Closer(
        line=1,
        parts=[
            CloserPart(role="salute", content=[f"{tag}.salute"]),
            CloserPart(role="signed", content=[f"{tag}.signed"]),
        ],
    ),
    PageBreakBlock: lambda tag: PageBreakBlock(line=1, page=PageBreak("7", "", 1)),
    Postscript: lambda tag: Postscript(line=1),
}
#: The tokens each variant's runs hold, in reading order.
EXPECTED_RUNS: dict[type[Any], list[str]] = {
    **{kind: ["text"] for kind in BUILDERS},
    **{kind: ["label1", "item1", "item2"] for kind in (PlainList, SubjectList, ParticipantList)},
    Closer: ["salute", "signed"],
    PageBreakBlock: [],
    Postscript: [],
}


def test_the_tests_build_every_variant() -> None:
    assert set(BUILDERS) == MEMBERS
    assert len(MEMBERS) == len(get_args(Block))


def test_the_writer_has_a_writer_for_every_variant() -> None:
    assert set(body._WRITERS) == MEMBERS


def test_the_opener_writer_covers_every_opener_line() -> None:
    lines = {kind for kind in model.OPENER_RUN if kind is not PageBreakBlock}
    assert set(body._OPENER_WRITERS) == lines


def test_the_walk_yields_every_run_once_in_reading_order() -> None:
    kinds = list(BUILDERS)
    blocks = [BUILDERS[kind](kind.__name__) for kind in kinds]
    seen = [(type(block), run) for block, run in walk(blocks)]
    expected = [
        (kind, [f"{kind.__name__}.{token}"]) for kind in kinds for token in EXPECTED_RUNS[kind]
    ]
    assert seen == expected
    # Each run is the block's own list, not a copy: a change through the walk is seen.
    for block, run in walk(blocks):
        assert any(run is mine for mine in block.runs())


def test_a_variant_left_out_of_the_writer_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(body._WRITERS, Salute)
    document = Document(
        number=1,
        title="T",
        layout="modern",
        style="A",
        blocks=[Paragraph(line=1, content=["Text."]), Salute(line=2, content=["Sir:"])],
        notes=[],
    )
    with pytest.raises(KeyError):
        body.write_body(etree.Element(tei("text")), document, "d1")


def test_convert_runs_changes_every_run_in_place() -> None:
    for kind, build in BUILDERS.items():
        block = build("x")
        before = [list(run) for _, run in walk([block])]
        changed = convert_runs(block, lambda run: [token.upper() for token in run])
        assert changed is block and type(changed) is kind
        assert [run for _, run in walk([changed])] == [
            [token.upper() for token in run] for run in before
        ]
    heading = convert_runs(Heading(line=3, smallcaps=True, content=["a"]), lambda run: run)
    assert isinstance(heading, Heading) and heading.smallcaps and heading.line == 3


def test_page_breaks_come_between_and_inside_blocks_in_order() -> None:
    first, second, third = (PageBreak(n, "", 0) for n in ("1", "2", "3"))
    blocks: list[Block[Any]] = [
        Paragraph(line=1, content=["a ", first, "b"]),
        PageBreakBlock(line=2, page=second),
        Closer(line=3, parts=[CloserPart(role="signed", content=[third, "Name"])]),
    ]
    assert list(page_breaks(blocks)) == [first, second, third]


def test_the_draft_holds_the_fields_in_the_walks_order() -> None:
    draft = Draft()
    fields = [TextField.from_raw(f"line {n}", n) for n in range(1, 6)]
    draft.add(Head(line=1, content=[fields[0]]))
    draft.add(
        SubjectList(
            line=2,
            items=[ListItem(content=[fields[2]], label=[fields[1]], line=3)],
        )
    )
    draft.add(Closer(line=4, parts=[CloserPart(role="signed", content=[fields[3], fields[4]])]))
    assert draft.fields == fields
    assert draft.has(Head) and draft.has(PlainList, SubjectList)
    assert not draft.has(Paragraph)
    assert draft.has(*model.BODY_TEXT)  # a subject list is an item list


@pytest.mark.parametrize("path", SEED_FILES + VARIANTS, ids=lambda p: p.name)
def test_the_walk_meets_every_note_once(path: Path) -> None:
    document, _ = read_document(decode(path.read_bytes(), path.name))
    refs = Counter(
        item.index for _, run in walk(document.blocks) for item in run if isinstance(item, NoteRef)
    )
    assert refs == Counter(range(len(document.notes)))
