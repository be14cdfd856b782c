"""Classes found on a sample of unseen real pages (issue 8, round "fix2"), one rule at a time.

The fixtures tests/fixtures/variants/fix2_*.txt check whole documents; these tests pin the
rules they rest on: where a style-A note list begins and how its notes split when a note
lacks its bullet or its arrow, the marker readings for note numbers that start again at 1
and for a marker glued to a counted number, closings that are never headings, and rows of
points for omitted text. Each rule is also shown refusing the shapes it must leave alone.
"""

from __future__ import annotations

import pytest
from conftest import TEI_NS

from teikit.convert import convert_text
from teikit.reader import patterns as pt
from teikit.reader.fields import TextField
from teikit.reader.markers import COST_NOTE_WITHOUT_MARKER, READINGS, resolve
from teikit.reader.notelist import split_notes_a
from teikit.textsource import decode

T = f"{{{TEI_NS}}}"
PLAIN = (False, "")
SOURCE = (True, "")


def notes_of(lines: list[str]) -> tuple[int, list[list[str]]]:
    """Where the notes begin and each note's paragraphs, for a style-A page."""
    (start, notes), *_ = split_notes_a(lines, len(lines))
    return start, [[text for text, _ in note.paragraphs] for note in notes]


def convert(text: str):
    return convert_text(decode(text.encode("utf-8"), "page.txt"))


# -- the note list (C2) ---------------------------------------------------------------------


def test_flush_text_after_a_closed_note_is_a_note_of_its_own() -> None:
    lines = ["1. Title0", "Body.1 More.2", "- Source: Files.↩", "- First.↩",
             "A note without its bullet.", "Its second paragraph."]
    assert notes_of(lines) == (2, [["Source: Files."], ["First."],
                                   ["A note without its bullet.", "Its second paragraph."]])


def test_a_bare_bullet_opens_a_note_whose_paragraphs_follow() -> None:
    lines = ["1. Title0", "Body.1", "- Source: Files.↩", "-", "First paragraph.", "Second."]
    assert notes_of(lines) == (2, [["Source: Files."], ["First paragraph.", "Second."]])


def test_an_arrow_glued_before_a_bullet_closes_the_note_above() -> None:
    lines = ["1. Title0", "Body.1 More.2", "- Source: Files.↩", "Unbulleted note.",
             "Its end.", "↩- Next note.↩"]
    assert notes_of(lines) == (2, [["Source: Files."], ["Unbulleted note.", "Its end."],
                                   ["Next note."]])


@pytest.mark.parametrize("lines", [
    # A body list (its bullets never end with the arrow), then a paragraph, then the notes.
    ["1. Title0", "- An item.", "- Another item.", "A closing paragraph.1", "- Source: F.↩",
     "- A note.↩"],
    # Flush text above the first arrowed bullet is body text, however it looks.
    ["1. Title0", "Body.1", "-", "More body.", "- Source: F.↩", "- A note.↩"],
])
def test_body_text_before_the_notes_stays_body(lines: list[str]) -> None:
    start, notes = notes_of(lines)
    assert start == len(lines) - 2 and len(notes) == 2


def test_a_lone_arrow_still_closes_a_note_of_flush_paragraphs() -> None:
    lines = ["1. Title0", "Body.1", "- Source: F.↩", "- A note:", "Quoted text.", "↩"]
    assert notes_of(lines) == (2, [["Source: F."], ["A note:", "Quoted text."]])


def test_the_bare_bullet_line_is_accounted_for_and_no_fallback_is_taken() -> None:
    text = "1. Memo From A to B0\nBody text.1\n- Source: Files.↩\n-\nThe note.\nMore of it."
    result = convert(text)
    codes = {w.code for w in result.warnings}
    assert not codes & {"line-unused", "line-reused", "structure-simplified", "note-in-text"}
    (note,) = [n for n in result.root.iter(f"{T}note") if n.get("n") == "1"]
    assert ["".join(p.itertext()) for p in note.findall(f"{T}p")] == ["The note.", "More of it."]


def test_a_bare_dash_in_the_body_stays_text() -> None:
    """The self-check drops a bare ``-`` only inside the note list: a body line ``-`` is text
    the TEI keeps (no simplified reading)."""
    text = "12. Memo From A to B0\nFirst para.\n-\nSecond para.1\n- Source: Files.↩\n- A note.↩"
    result = convert(text)
    assert "structure-simplified" not in {w.code for w in result.warnings}
    assert "-" in ["".join(p.itertext()) for p in result.root.iter(f"{T}p")]


# -- note markers (C10 and a marker on a counted number) -------------------------------------


def fields(*texts: str, head: int = 0) -> list[TextField]:
    return [TextField.from_raw(t, k + 1, in_head=k < head) for k, t in enumerate(texts)]


def placed(texts: list[str], notes: list[tuple[bool, str]], head: int = 0):
    flds = fields(*texts, head=head)
    result = resolve(flds, notes)
    words = [flds[a[0]].text[: a[1]].split()[-1] if a else "" for a in result.anchors]
    return list(zip(result.values, words, strict=True)), result


def test_note_numbers_that_start_again_at_one() -> None:
    got, result = placed(["The Title", "to Stalin90 with a view.", "any notice.91",
                          "immediately following.1"], [PLAIN] * 3, head=1)
    assert got == [("90", "Stalin"), ("91", "notice."), ("1", "following.")]
    assert any("starting again at 1" in message for _, message in result.assumptions)


def test_a_restart_is_never_taken_when_the_sequence_fits() -> None:
    # 1, 2, 3 in sequence; a later glued "1" is not read as a restart of the numbers.
    got, _ = placed(["The Title0", "First1 and second.2", "Third.3 Part 1."],
                    [SOURCE, PLAIN, PLAIN, PLAIN], head=1)
    assert got == [("0", "Title"), ("1", "First"), ("2", "second."), ("3", "Third.")]


def test_a_marker_glued_to_a_counted_number_rather_than_a_note_without_one() -> None:
    got, result = placed(["12. Telegram1", "Embassy telegram 17182 gave it. Of May 11,3 it."],
                         [SOURCE, PLAIN, PLAIN], head=1)
    assert got == [("1", "Telegram"), ("2", "1718"), ("3", "11,")]
    assert any("1718 followed by marker 2" in message for _, message in result.assumptions)
    assert READINGS["counted-number-and-marker"] < COST_NOTE_WITHOUT_MARKER


def test_a_counted_number_stays_whole_when_the_notes_are_placed_without_it() -> None:
    got, _ = placed(["12. Telegram0", "Embassy telegram 1712 gave it.1"], [SOURCE, PLAIN],
                    head=1)
    assert got == [("0", "Telegram"), ("1", "it.")]


def test_a_quantity_never_carries_a_marker() -> None:
    got, _ = placed(["12. Telegram0", "At 1012 miles from it."], [SOURCE, PLAIN], head=1)
    assert got[1] == ("1", "")  # left without a marker, never 101 miles + note 2


# -- closings (C3, C6) -----------------------------------------------------------------------


@pytest.mark.parametrize("line", ["I have [etc.]", "I renew [etc.]", "I am [etc.]",
                                  "I renew, etc.", "Very respectfully, etc.,",
                                  "Sincerely yours, &c."])
def test_closings_shortened_by_the_print(line: str) -> None:
    assert pt.is_closing(line)
    assert pt.heading_shape(line) is None


@pytest.mark.parametrize("line", ["I Renew the Charter", "Very Respectful Relations",
                                  "Etc. and Other Matters"])
def test_headings_that_are_no_closings(line: str) -> None:
    assert not pt.is_closing(line)
    assert pt.heading_shape(line) == "title"


def test_a_closing_inside_the_text_is_no_section_heading() -> None:
    text = ("Ambassador Gray to the Secretary of State.\nNo. 412.]\n"
            "Sir: I have the honor to report on the matter of the loan.\nI have [etc.]\n"
            "W. Gray.\nThe Ministry of Finance to the Embassy.\nThe Ministry replies at once.\n"
            "E. Rocha.")
    root = convert(text).root
    assert "I have [etc.]" in ["".join(p.itertext()) for p in root.iter(f"{T}p")
                               if p.get("rend") is None]
    assert not any("[etc.]" in "".join(p.itertext())
                   for p in root.iter(f"{T}p") if p.get("rend") == "sectiontitle")


# -- rows of points (C12) --------------------------------------------------------------------


@pytest.mark.parametrize(("line", "row"), [
    (". . . . . . . . . . . . . .", True),
    ("* * * * * * *", True),
    ("* * *", True),
    (". . .", True),
    ("…  …  …", True),
    (". .", False),             # too short to be a row
    ("* The note.", False),
    ("... and so on.", False),
])
def test_rows_of_points(line: str, row: bool) -> None:
    assert bool(pt.OMISSION_ROW.match(line)) is row


# -- a participants list without its head (C11) ----------------------------------------------

HEADLESS = "88. Memorandum of a {kind}, June 3, 1957{m}\n{items}\nThe talk began at nine.\n" \
           "- Source: Eisenhower Library, Whitman File. Secret.↩"


@pytest.mark.parametrize(("kind", "items", "list_type"), [
    ("Conference With the President", ["Secretary Herter", "Mr. Murphy", "General Goodpaster"],
     "participants"),
    # Not every line names a person: the group alone stays the subject.
    ("Conference With the President", ["Berlin", "Mr. Murphy’s Report"], "subject"),
    # A title that names no meeting: the group alone stays the subject.
    ("Paper Prepared in the Department", ["Secretary Herter", "Mr. Murphy"], "subject"),
])
def test_a_headless_group_alone(kind: str, items: list[str], list_type: str) -> None:
    text = HEADLESS.format(kind=kind, m="0", items="\n".join(f"- {i}" for i in items))
    root = convert(text).root
    (found,) = list(root.iter(f"{T}list"))
    assert found.get("type") == list_type


@pytest.mark.parametrize(("line", "person"), [
    ("Secretary Dulles", True), ("Mr. Rountree (part-time)", True), ("Major Eisenhower", True),
    ("The Under Secretary", True), ("Ambassador Lodge", True),
    ("Middle East Policy", False), ("Disarmament", False), ("Mrs", False),
])
def test_participant_lines(line: str, person: bool) -> None:
    assert bool(pt.PARTICIPANT_LINE.match(line)) is person
