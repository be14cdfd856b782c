"""Unit tests of the note-marker resolver (teikit.reader.markers): each reading of its cost
table on a line of its own, and the choices the costs make between readings."""

from __future__ import annotations

import pytest

from teikit.reader.fields import TextField
from teikit.reader.markers import READINGS, find_groups, resolve


def fields(*texts: str, head: int = 0) -> list[TextField]:
    """Fields from lines; the first ``head`` of them are the document heading."""
    return [TextField.from_raw(t, k + 1, in_head=k < head) for k, t in enumerate(texts)]


def markers(texts: list[str], notes: list[tuple[bool, str]], head: int = 0
            ) -> list[tuple[str, str]]:
    """(marker value, text before it) per note; ("", "") for a note left without one."""
    flds = fields(*texts, head=head)
    result = resolve(flds, notes)
    out = []
    for anchor, value in zip(result.anchors, result.values, strict=True):
        if anchor is None:
            out.append((value, ""))
        else:
            fld, start, _ = anchor
            out.append((value, flds[fld].text[:start].split()[-1]))
    return out


PLAIN = (False, "")
SOURCE = (True, "")


@pytest.mark.parametrize(("text", "value", "before", "reading"), [
    ("The talks in Hong Kong1 went on.", "1", "Kong", "glued"),
    ("The estimate.* It stands.", "*", "estimate.", "glued"),
    ("This was agreed in 1952;3 the rest", "3", "1952;", "after-number-stop"),
    ("He told Aranha19a that it was so.", "19a", "Aranha", "suffixed"),
    ("It was sent October 12, 19542 as planned.", "2", "19542", "year-or-day-and-marker"),
    ("The meeting of March 141 was brief.", "1", "141", "year-or-day-and-marker"),
    ("We met on April 8.1 Foreign Minister left.", "1", "8.", "after-number-sentence-end"),
    ("The Offices 1 agreed to it.", "1", "Offices", "set-off"),
])
def test_each_reading_of_the_table(text: str, value: str, before: str, reading: str) -> None:
    assert reading in READINGS
    got = markers([text], [PLAIN])
    assert got[0][0] == value
    assert got[0][1].startswith(before[: len(got[0][1])]) or got[0][1] == before


def test_digits_that_are_no_markers() -> None:
    for text in ["Files 661.93/9–1060 and 70,000 men at 1:03 p.m.", "(Area Code 212) called",
                 "Ltr to SecDef 3/14/63 follows", "Embtel 515 reports", "at 4 p.m. today"]:
        groups = find_groups(fields(text))
        strong = [g.text for g in groups if g.strong]
        assert not strong, (text, strong)
        # With one real marker on the page, the note goes there and nowhere else.
        assert markers([text + " The end1."], [PLAIN]) == [("1", "end")], text


def test_side_by_side_markers_at_the_end_of_a_title() -> None:
    got = markers(["12. Telegram From the Embassy to the Department of State01", "Text."],
                  [SOURCE, PLAIN], head=1)
    assert [v for v, _ in got] == ["0", "1"]


def test_a_year_then_two_markers_glued_or_set_apart() -> None:
    for title in ["208. Memorandum, Geneva, May 3, 196812",
                  "208. Memorandum, Geneva, May 3, 19681 2"]:
        got = markers([title, "Text."], [SOURCE, PLAIN], head=1)
        assert [v for v, _ in got] == ["1", "2"], title


def test_running_numbers_and_a_repeated_number() -> None:
    got = markers(["First point47 and second48 and a third48 again."], [PLAIN] * 3)
    assert [v for v, _ in got] == ["47", "48", "48"]


def test_the_source_note_keeps_the_title_marker_when_a_later_marker_is_missing() -> None:
    # Without the source's own cost, the second note could take the title's "1" as cheaply.
    got = markers(["73. Memorandum From A to B1", "Text without any marker."], [SOURCE, PLAIN],
                  head=1)
    assert got[0] == ("1", "B")
    assert got[1] == ("2", "")


def test_a_cheaper_reading_wins_over_a_dearer_one() -> None:
    # "19542" is read as the year 1954 and marker 2; the glued "word3" is note 3.
    assert READINGS["year-or-day-and-marker"] < READINGS["set-off"] \
        < READINGS["number-and-marker"]
    got = markers(["On October 12, 19542 the word3 came."], [PLAIN, PLAIN])
    assert [v for v, _ in got] == ["2", "3"]
