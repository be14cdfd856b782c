"""The classes of 1861–1945 pages of round three (issue 8, "early"), one rule at a time.

The fixtures tests/fixtures/variants/early3_*.txt check whole documents; these tests pin the
rules they rest on, each with cases it must take and cases it must refuse.
"""

from __future__ import annotations

import pytest
from conftest import TEI_NS
from lxml import etree

from teikit.convert import convert_text
from teikit.reader import blocks, lines
from teikit.reader.printlines import MEASURE, Measure, ends_paragraph, page_measure
from teikit.textsource import decode

T = f"{{{TEI_NS}}}"

#: Print lines of an invented 1880s despatch: run-on lines of 61 to 70 characters.
_PAGE = [
    "Sir: I have the honor to acknowledge the receipt of your",
    "dispatch No. 52, relating to the claim of the owners of the bark",
    "Lizzie, and to inform you that I laid the matter before the minister",
    "of foreign affairs on the following day. He promised an early answer.",
    "It has not yet been given, and I shall ask for it again on Monday",
    "next, when the diplomatic body is received.",
    "I have, &c.,",
]


def _convert(text: str):
    return convert_text(decode(text.encode("utf-8"), "page.txt")).root


def test_page_measure_is_the_median_of_the_run_on_lines() -> None:
    # Run on: "…of your" (56), "…the bark" (64), "…minister" (68), "…Monday" (65).
    assert page_measure(_PAGE) == 64


def test_page_measure_needs_a_sample() -> None:
    """With fewer run-on lines than the rule's sample, the width stays unknown."""
    assert page_measure(_PAGE[:3]) is None
    assert page_measure(_PAGE[:3], Measure(min_sample=2)) == 60


@pytest.mark.parametrize(
    ("line", "following", "ends"),
    [
        # a full line that ends a sentence: the print broke it, the paragraph goes on
        (_PAGE[3], _PAGE[4], False),
        # a short last line: the next word would have fitted, the author ended it
        ("next, when the diplomatic body is received.", "I have, &c.,", True),
        ("British ambassador, a copy of which is inclosed.", "Lord Dufferin", True),
        # no sentence end: never a paragraph end, whatever its length
        ("to inform you that I laid the matter before the", "minister", False),
        ("occasion the Secretary of State, Mr.", "Frelinghuysen", False),
    ],
)
def test_ends_paragraph(line: str, following: str, ends: bool) -> None:
    assert ends_paragraph(line, following, 64) is ends


def test_ends_paragraph_without_a_width_is_the_sentence_rule() -> None:
    assert ends_paragraph(_PAGE[3], _PAGE[4], None)
    assert not ends_paragraph(_PAGE[2], _PAGE[3], None)


def test_fit_share_is_what_the_rule_reads() -> None:
    """A narrower share reads the same full line as a paragraph's end: the figure is used."""
    assert not ends_paragraph(_PAGE[3], _PAGE[4], 64)
    assert ends_paragraph(_PAGE[3], _PAGE[4], 64, Measure(fit_share=1.2))
    assert MEASURE.fit_share == 1.0


def test_print_page_joins_a_full_line_that_ends_a_sentence() -> None:
    root = _convert("Mr. Hale to Mr. Frelinghuysen.\n" + "\n".join(_PAGE))
    paragraphs = ["".join(p.itertext()) for p in root.find(f".//{T}body").iter(f"{T}p")]
    assert paragraphs[0].endswith(
        "He promised an early answer. It has not yet been given, "
        "and I shall ask for it again on Monday next, when the "
        "diplomatic body is received."
    )
    assert paragraphs[1:] == ["I have, &c.,"]


def test_a_closing_under_a_full_line_stays_its_own_block() -> None:
    """A closing never joins the paragraph above it, however full that paragraph's last
    line (the closer is read before the paragraph rule)."""
    lines = [
        *_PAGE[:4],
        "It has not been given yet, and I shall ask the minister for it once more.",
        _PAGE[6],
    ]
    root = _convert("Mr. Hale to Mr. Frelinghuysen.\n" + "\n".join(lines))
    paragraphs = ["".join(p.itertext()) for p in root.find(f".//{T}body").iter(f"{T}p")]
    assert paragraphs[-1] == "I have, &c.,"


@pytest.mark.parametrize(
    ("line", "is_editors"),
    [
        ("[Extracts.]", True),
        ("[Telegram.]", True),
        ("[Confidential.]", True),
        ("[Paraphrase]", True),
        ("[Telegram—Paraphrase.]", True),
        ("[Circular telegram]", True),
        ("[Received June 20.]", False),  # a received line: the dateline's
        ("[Inclosure 1 in No. 72.]", False),  # an enclosure's label
        ("[For these inclosures see post, No. 143, dated September 29, 1870.]", False),
        ("No. 4.]", False),
    ],
)
def test_editors_lines(line: str, is_editors: bool) -> None:
    assert blocks.is_editors_line(line) is is_editors


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("Lima, May 8, 1891. (Received June 25.)", True),
        ("Santiago, July 28, 1891. [Received September 26.]", True),
        ("Lima, May 8, 1891.", False),  # a dateline alone: the dateline rule's
        ("The note was sent on May 8. (Received June 25.)", False),
    ],
)
def test_dateline_with_its_received_line(line: str, dated: bool) -> None:
    assert blocks._dated_and_received(line) is dated


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("May 30 (June 12), 1905.", "May 30, 1905."),
        ("St. Petersburg, April 13/25, 1882.", "St. Petersburg, April 13, 1882."),
        ("Athens, 13/25 April, 1882.", "Athens, 13 April, 1882."),
        ("Lima, May 8, 1891.", "Lima, May 8, 1891."),  # one date: as it is
    ],
)
def test_old_style_dates_are_left_out_for_the_dateline_rules(line: str, read: str) -> None:
    assert blocks.new_style(line) == read


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("found a translation of the note, as cabled. * * *", True),
        ("* * * * * * *", True),
        ("the treaty of 1856, pure and simple. *", False),  # a star marker, not an omission
        ("the figures given in the table * * are", False),
    ],
)
def test_an_omission_ends_a_paragraph_line(line: str, ends: bool) -> None:
    assert ends_paragraph(line, "On Thursday morning", 64) is ends


def test_an_editors_line_over_a_dateline_is_a_line_of_the_opener() -> None:
    """As the Office encodes it: the editors' line and the dateline in one opener."""
    root = _convert(
        "The Secretary of State to the Minister in Cuba (Crowder)\n[Paraphrase]\n"
        "Washington, May 2, 1921—6 p.m.\n31. Your 40, April 30. Approved.\nHughes"
    )
    opener = root.find(f".//{T}div[@type='document']/{T}opener")
    assert [etree.QName(c).localname for c in opener] == ["seg", "lb", "dateline"]
    assert opener[0].get("type") == "editors" and opener[0].text == "[Paraphrase]"


def test_an_editors_line_alone_over_the_text_is_a_paragraph() -> None:
    """With no opening furniture under it, the editors' line is a paragraph (as the 1914
    volumes encode '[Telegram]')."""
    root = _convert(
        "The Ambassador in Cuba (Crowder) to the Secretary of State\n[Telegram]\n"
        "40. The President has signed the decree.\nCrowder"
    )
    div = root.find(f".//{T}div[@type='document']")
    assert div.find(f"{T}opener") is None
    assert [p.text for p in div.findall(f"{T}p")][:1] == ["[Telegram]"]


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("| Coffee, bags | 1,264,000 | 1,310,500 |", True),
        ("Coffee, bags        1,264,000    1,310,500", True),
        ("Hides\t12,050\t11,900", True),
        ("  • an indented bullet with  one wide gap", False),  # one gap: no row
        ("The coffee crop of the next year is expected to be larger.", False),
        ("| a lone bar |", False),
    ],
)
def test_table_rows(line: str, row: bool) -> None:
    assert lines.is_table_row(line) is row


def test_a_table_row_is_a_line_class_only_after_the_opening() -> None:
    """Before the first paragraph a spaced-out line is furniture (``SECRET    PRIORITY``)."""
    row = "SECRET    PRIORITY    NIACT"
    assert lines.classify(row, lines.LineContext(front=True)) is lines.LineClass.TEXT
    assert lines.classify(row, lines.LineContext(front=False)) is lines.LineClass.ROW


@pytest.mark.parametrize(
    ("line", "label"),
    [("1st.", True), ("2nd.", True), ("3rd.", True), ("23d.", True), ("(b)", True), ("1st", False)],
)
def test_ordinal_label_lines(line: str, label: bool) -> None:
    assert lines.is_label_line(line) is label
