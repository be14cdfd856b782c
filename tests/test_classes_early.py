"""The line classes of 1861–1929 pages (issue 8, round "early"), one rule at a time.

The fixtures tests/fixtures/variants/early_*.txt check whole documents; these tests pin the
single-line rules they rest on, each with lines it must take and lines it must refuse, so
that a change to one vocabulary shows which shape it moves.
"""

from __future__ import annotations

import pytest
from conftest import TEI_NS

from teikit.convert import convert_text
from teikit.reader import patterns as pt
from teikit.textsource import decode

T = f"{{{TEI_NS}}}"


@pytest.mark.parametrize(
    "line",
    [
        "Mr. Harlow to Mr. Pell.",
        "The Minister for Foreign Affairs to Chargé Holt.",
        "Lord Russell to Mr. Adams.",
        "The Count de Valbom to Mr. Aldridge.",
        "Messrs. Hecht, Held and Kayser to Mr. E. B. Washburne.",
        "Mr. Hoar, Attorney-General, to Mr. Fish, Secretary of State.",
    ],
)
def test_sender_titles(line: str) -> None:
    assert pt.is_sender_title(line)


@pytest.mark.parametrize(
    "line",
    [
        "The message was delivered to the minister for foreign affairs the same day.",
        "The coffee crop of the next year is expected to be larger by one-fifth.",
        "Mr. Smith went to Paris.",
        "The Department desires to be informed.",
    ],
)
def test_sentences_holding_to_are_no_titles(line: str) -> None:
    """A sentence whose sender part has lower-case words never opens an inclosure."""
    assert not pt.is_sender_title(line)


@pytest.mark.parametrize(
    ("line", "is_address"),
    [
        ("Charles Francis Adams, Esq., &c., &c., &c.", True),
        ("Hon. William H. Seward, Secretary of State, Washington, D. C.", True),
        ("Hon. William H. Seward,", True),
        ("His Excellency John A. Bingham, Envoy Extraordinary.", True),
        ("Señor Don Matias Romero, &c., &c., &c.", True),
        ("I have the honor, &c.", False),  # a closing
        ("I have, &c., &c.,", False),
        ("WILLIAM H. SEWARD.", False),
        ("The treaty was signed at Paris.", False),
    ],
)
def test_address_lines(line: str, is_address: bool) -> None:
    assert pt.is_address(line) is is_address


@pytest.mark.parametrize(
    ("line", "is_name"),
    [
        ("Nelson Wainwright.", True),
        ("RUSSELL.", True),
        ("HAMILTON FISH.", True),
        ("Theodore Roosevelt.", True),
        ("Loomis.", True),
        ("Acknowledge.", False),
        ("Full Text Follows.", False),
        ("Situation Unchanged.", False),
        ("Message Ends.", False),
    ],
)
def test_name_lines_against_capitalised_sentences(line: str, is_name: bool) -> None:
    assert pt.is_name_line(line) is is_name


def _convert(text: str):
    return convert_text(decode(text.encode("utf-8"), "page.txt")).root


def test_an_address_line_without_a_signature_is_a_postscript() -> None:
    root = _convert(
        "Mr. Dayton to Mr. Seward.\n\nSir: The papers were left at the foreign office.\n\n"
        "I have the honor to be, sir, your obedient servant,\n\n\n"
        "Hon. William H. Seward, &c., &c., &c."
    )
    div = root.find(f".//{T}div[@type='document']")
    assert div.find(f"{T}closer") is None
    assert [p.text for p in div.iterfind(f"{T}postscript/{T}p")] == [
        "Hon. William H. Seward, &c., &c., &c."
    ]


def test_a_closing_alone_at_the_end_stays_a_paragraph_without_postscript() -> None:
    """Without an address line nothing moves into a postscript (the check can fail)."""
    root = _convert(
        "Mr. Dayton to Mr. Seward.\n\nSir: The papers were left at the foreign office.\n\n"
        "I have the honor to be, sir, your obedient servant,"
    )
    div = root.find(f".//{T}div[@type='document']")
    assert div.find(f"{T}postscript") is None


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("British ambassador, a copy of which is inclosed.", True),
        ("to forward a copy of his reply:", True),
        ("occasion the Secretary of State, Mr.", False),  # the name is on the next line
        ("the minister plenipotentiary (the Hon. E.", False),  # an initial
        ("dispatch No. 40, relative to the action of the", False),
    ],
)
def test_print_line_ends(line: str, ends: bool) -> None:
    assert pt.ends_sentence(line) is ends


def test_print_lines_are_joined_only_on_pages_that_keep_them() -> None:
    """A page with one paragraph a line keeps a capitalised line as its own paragraph."""
    kept = _convert(
        "Mr. Carver to Mr. Frelinghuysen.\nSir: The Cortes closed its session\n"
        "yesterday without acting on the bill on the\nduties, which the minister of\n"
        "Finance will bring forward again.\nI have, &c.,"
    )
    one_a_line = _convert(
        "Mr. Carver to Mr. Frelinghuysen.\nSir: The Cortes closed its session yesterday.\n"
        "Flour will pay the old duty for another year.\nI have, &c.,"
    )
    kept_p = ["".join(p.itertext()) for p in kept.find(f".//{T}body").iter(f"{T}p")]
    assert kept_p[0].endswith("which the minister of Finance will bring forward again.")
    assert len(list(one_a_line.find(f".//{T}body").iter(f"{T}p"))) == 3  # two and the closing
