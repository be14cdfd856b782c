"""Classes of 1946–1980 pages and of every era's first lines (issue 8, third round): the
rules they needed, with the shapes that must not be taken for them. The fixtures
tests/fixtures/variants/late3_*.txt check each class's whole structure."""

from __future__ import annotations

import pytest
from conftest import TEI_NS

from teikit.convert import convert_text
from teikit.errors import InputError
from teikit.reader import patterns as pt
from teikit.reader.fields import TextField
from teikit.reader.markers import find_groups
from teikit.textsource import decode

T = f"{{{TEI_NS}}}"


def convert(text: str, name: str = "page.txt"):
    return convert_text(decode(text.encode("utf-8"), name))


def _tail_runs(text: str) -> list[str]:
    fld = TextField.from_raw(text, 1, in_head=True)
    fld.tail_only = True
    return [m.value for g in find_groups([fld]) for o in g.options for m in o.markers]


@pytest.mark.parametrize(
    ("line", "markers"),
    [
        ("Policy Planning Staff Files1", ["1"]),
        ("Lot 64 D 563, Box 2004 1", ["1"]),
        ("S/P Files, Lot 64 D 563, Formosa*", ["*"]),
        ("Executive Secretariat Files, Lot 66 D 95, Box 121", []),  # a box number
        ("Lot 64 D 563, Box 20041", []),  # glued to digits: the number stays whole
        ("711.61/4–1249: Telegram", []),
        ("Department of State files, lot 60 D 330", []),  # the lot number
        ("Department of State files, lot 60 D 33", []),
        ("Files1 of the Staff", []),  # not at the end
    ],
)
def test_a_source_line_holds_a_marker_only_at_its_end(line: str, markers: list[str]) -> None:
    assert _tail_runs(line) == markers


def test_the_source_line_note_sits_inside_the_inline_source_note() -> None:
    page = (
        "Policy Planning Staff Files1\nNo. 12\nPaper Prepared by the Staff\n\nText.\n\n  1. A note."
    )
    result = convert(page)
    source = result.root.find(f".//{T}note[@rend='inline']")
    assert source.text == "Policy Planning Staff Files"
    assert [n.get("n") for n in source.iter(f"{T}note") if n is not source] == ["1"]
    assert not [p for p in result.warnings if p.code == "marker-unplaced"]


@pytest.mark.parametrize(
    "line",
    [
        "MEMORANDUM FOR: The Secretary",
        "FROM: S/P—Anthony Lake",
        "THROUGH: P—Mr. Newsom",
        "REF: State 123456",
        "SUBJECT: Planning Talks With Japan",
    ],
)
def test_memorandum_header_lines_are_no_headings(line: str) -> None:
    assert pt.heading_shape(line) is None
    assert pt.keeps_opening(line)


@pytest.mark.parametrize("line", ["ISSUE FOR DECISION", "RECOMMENDATION", "Background"])
def test_headings_stay_headings(line: str) -> None:
    assert pt.heading_shape(line) == "title"
    assert not pt.keeps_opening(line)


@pytest.mark.parametrize(
    "line", ["300.115(39)/128: Telegram", "300.115(39)/412", "740.00119 (39)/6–1047"]
)
def test_file_classes_with_a_parenthesised_part(line: str) -> None:
    assert pt.is_source_line(line)


@pytest.mark.parametrize("line", ["55a. Telegram From A to B0", "105A. Memo", "12–A. Letter"])
def test_suffixed_document_numbers_read_as_modern_heads(line: str) -> None:
    assert pt.MODERN_HEAD_SUFFIXED.match(line)
    assert not pt.MODERN_HEAD.match(line)


def test_a_suffixed_number_is_warned_and_kept_in_the_head() -> None:
    result = convert(
        "55a. Telegram From the Embassy in France to the Department of State0\n"
        "Paris, May 3, 1962.\nText.\n- Source: Central Files. Secret.↩"
    )
    head = result.root.find(f".//{T}head")
    assert head.text.startswith("55a. Telegram")
    assert "number-suffixed" in {p.code for p in result.warnings}
    assert result.reading == "structured"


@pytest.mark.parametrize(
    "line",
    [
        "Washington, April 27, 1971, 8:18–8:53 p.m.",
        "Islamabad, July 9, 1979, 0815Z.",
        "Washington, May 3, 1972, 10:15 a.m.–12:30 p.m.",
        "Washington, November 12, 1955, 1:03 p.m.",
        "Washington, September 10–14, 1951.",
        "Washington, March 30–April 2, 1951.",
    ],
)
def test_datelines_with_time_spans_and_greenwich_times(line: str) -> None:
    assert pt.is_dateline(line)


@pytest.mark.parametrize(
    "line",
    ["Washington, April 27, 1971, at 8:18 p.m. the", "The Secretary, May 3, 1972, 0815Z said"],
)
def test_sentences_are_no_datelines(line: str) -> None:
    assert not pt.is_dateline(line)


def test_an_indented_note_line_is_no_heading() -> None:
    with pytest.raises(InputError, match="no recognisable title"):
        convert("  1. Source: Johnson Library. Secret.\n\nThe text of the page.")


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("DATE AND TIME:", "DATE AND TIME:"),
        ("PLACE:", "PLACE:"),
        ("TIME AND PLACE", "TIME AND PLACE"),
    ],
)
def test_memcon_date_and_place_heads_open_a_list(line: str, head: str) -> None:
    assert pt.list_head(line) == ("list", head, "")


@pytest.mark.parametrize("line", ["DATE: March 18, 1969", "PLACE: The Oval Office", "Place:"])
def test_date_and_place_lines_with_their_value_head_no_list(line: str) -> None:
    assert pt.list_head(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "711.94/2651½",
        "Bohlen Collection",
        "Leahy Diary",
        "Stettinius Calendar Notes",
        "J.C.S. Files",
        "Department of State Bulletin, vol. XII, p. 213",
        "Executive Agreement Series No. 236",
    ],
)
def test_older_source_lines_of_more_shapes(line: str) -> None:
    assert pt.is_source_line(line)


@pytest.mark.parametrize(
    "line", ["The Collection was sent.", "Department of State Bulletin", "J.C.S. agreed to this."]
)
def test_sentences_are_no_source_lines(line: str) -> None:
    assert not pt.is_source_line(line)


@pytest.mark.parametrize("line", ["1954 Progress Report on the Program", "303 Committee Minutes"])
def test_titles_may_begin_with_a_year_or_number(line: str) -> None:
    assert pt.front_title_shape(line) == "title"


@pytest.mark.parametrize(
    "line", ["1953 was a hard year", "1537. Following is the text", "19 Points"]
)
def test_numbers_that_begin_no_title(line: str) -> None:
    assert pt.front_title_shape(line) is None
