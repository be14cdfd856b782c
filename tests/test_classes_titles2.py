"""Title shapes once refused, and papers printed after a signature with no label (issue 8,
round three, "titles2"), one rule at a time, each with cases it must take and cases it must
refuse. The fixtures tests/fixtures/variants/early3_* check the whole documents."""

from __future__ import annotations

import pytest
from conftest import TEI_NS

from teikit.convert import convert_text
from teikit.errors import InputError
from teikit.reader import enclosures, furniture
from teikit.reader import patterns as pt
from teikit.reader.document import read_document
from teikit.textsource import decode

T = f"{{{TEI_NS}}}"
BODY = "Sir: I have the honor to inclose a copy of the note of the minister."


def _read(text: str):
    return read_document(decode(text.encode("utf-8"), "page.txt"))[0]


def _div(text: str):
    root = convert_text(decode(text.encode("utf-8"), "page.txt")).root
    return root.find(f".//{T}div[@type='document']")


@pytest.mark.parametrize(
    ("line", "titled"),
    [
        ("Memorandum by the Secretary of State, February 13, 1915", True),
        ("Memorandum by Mr. Harlow, May 2, 1919", True),
        ("Washington, February 13, 1915", False),  # a place: a dateline
        ("Legation of the United States, May 2, 1865.", False),
    ],
)
def test_a_title_that_ends_in_its_date(line: str, titled: bool) -> None:
    assert furniture._dated_title(line) is titled


def test_a_sender_title_run_in_to_its_dateline() -> None:
    document = _read(f"Mr. Dalton to Mr. Seward,\nLisbon, August 23, 1861.\n{BODY}\nJAMES DALTON.")
    assert (document.layout, document.title) == ("nineteenth-century", "Mr. Dalton to Mr. Seward")
    assert [b.role for b in document.blocks][:2] == ["head", "dateline"]


def test_a_comma_title_needs_its_dateline() -> None:
    """Without a dateline under it, a line ending in a comma is no title."""
    with pytest.raises(InputError):
        _read(f"Mr. Dalton to Mr. Seward,\n{BODY}\nJAMES DALTON.")


def test_an_editors_line_over_the_title_is_the_inline_source_note() -> None:
    div = _div(f"[Extracts.]\nMr. Dalton to Mr. Seward.\n{BODY}\nJAMES DALTON.")
    assert [(c.tag.split("}")[1], c.text) for c in div[:2]] == [
        ("note", "[Extracts.]"),
        ("head", "Mr. Dalton to Mr. Seward."),
    ]
    assert div[0].get("rend") == "inline"


def test_an_editors_line_over_no_title_is_still_refused() -> None:
    """The rule adds nothing when no title follows: the usual refusal, at line 1."""
    with pytest.raises(InputError) as caught:
        _read(f"[Extracts.]\n{BODY}\n{BODY}")
    assert caught.value.problem.line == 1
    assert "no recognisable title" in caught.value.problem.message


def test_an_editors_line_between_source_line_and_title() -> None:
    div = _div(
        "File No. 312.1154/22\n[Inclosure—Translation]\n"
        "The Foreign Office to the American Embassy\nNote Verbale\n"
        "The Foreign Office has the honor to state that it has no objection.\n"
    )
    notes = div.findall(f"{T}note[@rend='inline']")
    assert [n.text for n in notes] == ["File No. 312.1154/22", "[Inclosure—Translation]"]
    assert div.find(f"{T}head").text == "The Foreign Office to the American Embassy"


@pytest.mark.parametrize(
    ("before", "signed"),
    [
        (["He said he agreed.", "S[umner] W[elles]"], True),
        (["He said he agreed.", "C[ordell] H[ull]"], True),
        (["I have [etc.]", "H. Dalton."], True),
        (["Very sincerely yours,", "Robert Harlow"], True),
        (["I am, etc.,", "H. A. Harlow,", "Secretary of the Navy"], True),
        (["I remain, etc.", "[File copy not signed]"], True),
        (["He said he agreed.", "Robert Harlow"], False),  # a name with no closing over it
        (["The situation in the north", "Political Affairs"], False),  # a heading
        (["Very sincerely yours,"], False),  # the closing itself
        (["He said he agreed."], False),
    ],
)
def test_a_signature_that_closes_a_document(before: list[str], signed: bool) -> None:
    assert enclosures.closes_signed(before) is signed


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Mr. Herbert to Mr. Gresham.", True),
        ("The Ministry of Foreign Affairs to the American Embassy.", True),
        ("The Chilean Minister for Foreign Affairs (Fernández) to the Chilean Ambassador", True),
        ("Memorandum by the Counselor for the Department of State (Lansing)", True),
        ("Executive order.", True),
        ("The Ambassador handed to me a note of his Government.", False),  # a sentence
        ("Hon. E. B. Washburne, Minister Plenipotentiary to France.", False),  # an address
        ("The Ministry of Foreign Affairs to the American Embassy,", False),
        ("I approve the text of the appeal to be sent tomorrow.", False),
    ],
)
def test_the_title_of_a_paper(line: str, title: bool) -> None:
    assert enclosures.is_paper_title(line) is title


_LETTER = (
    "The Counselor for the Department of State (Harlow) to President Wilson\n\n"
    "Dear Mr. President: I inclose a memorandum on the letter you sent me.\n\n"
    "{closing}"
    "Robert Harlow\n\n"
    "Memorandum by the Counselor for the Department of State (Harlow)\n\n"
    "The charges made in the letter rest on reports found to be without foundation.\n"
)


def test_a_paper_under_a_signed_closing_opens_an_enclosure() -> None:
    div = _div(_LETTER.format(closing="Very sincerely yours,\n\n"))
    covering, enclosure = div.find(f"{T}div[@type='covering']"), div.find(
        f"{T}div[@type='enclosure']"
    )
    assert covering.find(f"{T}closer/{T}signed").text == "Robert Harlow"
    assert enclosure.find(f"{T}head").text.startswith("Memorandum by the Counselor")


def test_a_name_without_a_closing_opens_no_enclosure() -> None:
    """The same page without its closing phrase: the name may be a heading of the letter's
    own text, so no enclosure is invented."""
    div = _div(_LETTER.format(closing=""))
    assert div.find(f"{T}div[@type='enclosure']") is None


def test_no_enclosure_in_a_1955_volume_without_a_label() -> None:
    page = (
        "12. Letter From the Secretary of State to the President1\n\n"
        "Dear Mr. President: I inclose a memorandum on the letter you sent me.\n\n"
        "Sincerely yours,\n\nJohn Foster Dulles\n\n"
        "Memorandum by the Secretary of State\n\n"
        "The charges made in the letter rest on reports found to be without foundation.\n\n"
        "  1. Source: Department of State, Central Files.\n"
    )
    assert _div(page).find(f"{T}div[@type='enclosure']") is None


@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("I renew [etc.]", True),  # 1910s–20s notes: the closing shortened with [etc.]
        ("Very respectfully, etc.,", True),  # 1890s letters of the departments
        ("Respectfully, &c.", True),
        ("I renew the request made in my note of May 2.", False),
        ("Very respectfully, the Department declines.", False),
    ],
)
def test_closings_of_older_letters(line: str, closing: bool) -> None:
    assert pt.is_closing(line) is closing


def test_a_signature_over_the_signers_office_under_a_shortened_closing() -> None:
    div = _div(
        "Mr. Herbert to Mr. Gresham.\n\n"
        "Sir: I have the honor to submit a translation of a cipher despatch.\n\n"
        "Very respectfully, etc.,\n\nH. A. Harlow,\nSecretary of the Navy.\n"
    )
    signed = div.find(f"{T}closer/{T}signed")
    assert "".join(signed.itertext()) == "H. A. Harlow,Secretary of the Navy."
