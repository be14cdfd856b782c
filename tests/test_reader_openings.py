"""The opening rules of a page (teikit.reader.furniture.OPENINGS), each on a page of its own
shape, and their order: the first rule that fits reads the heading region."""

from __future__ import annotations

import pytest

from teikit.errors import InputError
from teikit.reader.document import read_document
from teikit.reader.furniture import OPENINGS, FurnitureReader
from teikit.textsource import decode

BODY = "The talks went on through the week and ended without an agreement."


def read(text: str):
    return read_document(decode(text.encode(), "opening.txt"))[0]


def test_every_rule_names_a_reader_method() -> None:
    for _, method in OPENINGS:
        assert callable(getattr(FurnitureReader, method))


@pytest.mark.parametrize(("top", "layout", "number", "source", "title"), [
    ("12. Telegram From the Embassy in Oslo to the Department of State",
     "modern", 12, None, "Telegram From the Embassy in Oslo to the Department of State"),
    ("711.61/4–1249: Telegram\nNo. 40\nThe Secretary of State to the Embassy in Oslo",
     "older", 40, "711.61/4–1249: Telegram", "The Secretary of State to the Embassy in Oslo"),
    ("Mr. Harlow to Mr. Pell.", "nineteenth-century", None, None, "Mr. Harlow to Mr. Pell"),
    ("No. 57.\nMr. Harlow to Mr. Pell.", "nineteenth-century", None, "No. 57.",
     "Mr. Harlow to Mr. Pell"),
    ("The Ambassador in Chile (Marlow) to the Secretary of State\nNo. 2214", "older", None,
     None, "The Ambassador in Chile (Marlow) to the Secretary of State"),
    ("Memorandum of Conversation, by the Under Secretary of State (Wexley)", "older", None,
     None, "Memorandum of Conversation, by the Under Secretary of State (Wexley)"),
    ("Editorial Note", "older", None, None, "Editorial Note"),
    ("811.001 Whitfield, T. R./5512\nThe Chargé in Lisbon (Ormond) to the Secretary of State",
     "older", None, "811.001 Whitfield, T. R./5512",
     "The Chargé in Lisbon (Ormond) to the Secretary of State"),
])
def test_each_opening(top: str, layout: str, number: int | None, source: str | None,
                      title: str) -> None:
    document = read(f"{top}\n{BODY}")
    assert (document.layout, document.number, document.source_line, document.title) == \
        (layout, number, source, title)


def test_a_despatch_number_under_a_title_is_not_the_document_number() -> None:
    # The numbered rule comes before the title-first rule, but a title above "No. 2214"
    # means the number is the despatch's own.
    document = read("The Ambassador in Chile (Marlow) to the Secretary of State\nNo. 2214\n"
                    f"Sir: {BODY}")
    assert document.number is None
    assert [b.role for b in document.blocks][:2] == ["head", "despatch"]


def test_no_rule_fits() -> None:
    with pytest.raises(InputError) as caught:
        read(f"{BODY}\n{BODY}")
    assert caught.value.problem.code == "no-title"
