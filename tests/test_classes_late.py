"""Page classes of 1930–1980 (issue 8): the line rules they needed, one test each, and the
conversions that used to be refused or stopped by the self-check.

The fixtures in tests/fixtures/variants/late_*.txt check each class's whole structure; the
tests here pin the rules themselves, with the shapes that must not be taken for them.
"""

from __future__ import annotations

import pytest
from conftest import TEI_NS

from teikit.convert import convert_text
from teikit.reader import patterns as pt
from teikit.textsource import decode

T = f"{{{TEI_NS}}}"


def convert(text: str, name: str = "page.txt"):
    return convert_text(decode(text.encode("utf-8"), name))


@pytest.mark.parametrize(
    ("line", "kind", "head", "rest"),
    [
        ("Present: The Secretary of State", "participants", "Present:", "The Secretary of State"),
        ("Interpreters: Mr. Rask", "participants", "Interpreters:", "Mr. Rask"),
        ("PRESENT", "participants", "PRESENT", ""),
        ("TO", "list", "TO", ""),
        ("MEMORANDUM FOR", "list", "MEMORANDUM FOR", ""),
    ],
)
def test_list_heads(line: str, kind: str, head: str, rest: str) -> None:
    assert pt.list_head(line) == (kind, head, rest)


@pytest.mark.parametrize("line", ["To", "Present", "TO: Mr. Hale", "Presently the Minister"])
def test_lines_that_head_no_list(line: str) -> None:
    assert pt.list_head(line) is None


def test_signer_titles() -> None:
    assert pt.is_signer_title("Special Assistant to the President")
    assert pt.is_signer_title("Second Secretary of Embassy")
    assert not pt.is_signer_title("J. A. Hale, Jr.")
    assert not pt.is_signer_title("The Secretary said he would report to the President.")


@pytest.mark.parametrize(
    "line", ["Attachment", "[Tab A]", "Tab B", "[Subenclosure]", "[Enclosure 2—Translation]"]
)
def test_labels_that_open_an_attached_paper(line: str) -> None:
    assert pt.ENCLOSURE_LABEL.match(line)


@pytest.mark.parametrize("line", ["Attachments were sent.", "Tabs A and B are attached."])
def test_sentences_about_attachments_open_nothing(line: str) -> None:
    assert not pt.ENCLOSURE_LABEL.match(line)


def test_datelines_of_1955_and_later() -> None:
    assert pt.is_dateline("Washington, undated.")
    assert pt.is_dateline("March 14, 1972")
    assert not pt.is_dateline("March 14, 1972, was the day the letters went out.")


def test_a_note_on_the_source_line_keeps_the_order_of_the_list() -> None:
    """Note 1 sits on the source line (its marker is not read there), note 2 on the title:
    the first note must still come first, or the self-check refuses the TEI."""
    text = (
        "S/P Files: Lot 64D563, Box 20041\n\n"
        "United States Delegation Minutes of the Seventh Meeting2\n\n"
        "secret\n\n"
        "M. Schuman said that he would welcome the information.\n\n"
        "  1. Box 2004 holds the records of the meetings.\n"
        "  2. For the full text, see volume III, p. 1291."
    )
    result = convert(text)  # the self-check runs; it raised before
    notes = [n.get("n") for n in result.root.iter(f"{T}note") if n.get("n")]
    assert notes == ["1", "2"]
    (warning,) = [w for w in result.warnings if w.code == "note-unanchored"]
    assert "before the next note's anchor" in warning.message


def test_headless_groups_are_typed_by_the_title() -> None:
    """Without their heads, a one-item group is the subject; a group of names is the
    participants when the title names a meeting, and a plain list (the addressees) when
    it does not."""
    groups = "\n\n\n  • Port Security\n\n\n  • The Secretary of State\n  • The Secretary of Defense"
    body = "\n\nThe group met at noon.\n\n  1. Source: Department of State, Central Files."
    meeting = convert("12. Memorandum of Conversation1" + groups + body)
    memo = convert("12. Memorandum From the Secretary1" + groups + body)

    def lists(result):
        return [
            (el.get("type"), len(el.findall(f"{T}item"))) for el in result.root.iter(f"{T}list")
        ]

    assert lists(meeting) == [("subject", 1), ("participants", 2)]
    assert lists(memo) == [("subject", 1), (None, 2)]


def test_a_single_headless_group_stays_the_subject() -> None:
    text = (
        "111. Memorandum From Gary Hale to the Secretary1\n\n\n  • Norway—Fisheries\n\n"
        "The talks went well.\n\n  1. Source: Carter Library, Box 35. Secret."
    )
    (found,) = convert(text).root.iter(f"{T}list")
    assert found.get("type") == "subject"
