"""The title and first-line shapes of older FRUS pages (issue 8): each shape the tables of
teikit.lexicon and teikit.reader.patterns know reads without a warning; a first line of no
known shape that still reads as a title becomes the head with a ``title-unknown`` warning
(or the source line, with ``source-unknown``, when a known title follows it); a line that
reads as prose, a dateline or a note is still refused."""

from __future__ import annotations

import pytest
from conftest import REPO

from teikit.convert import convert_text
from teikit.errors import InputError
from teikit.reader import patterns as pt
from teikit.reader.document import read_document
from teikit.textsource import decode, read_source

BODY = "The talks went on through the week and ended without an agreement."


def read(text: str):
    return read_document(decode(text.encode(), "opening.txt"))


def codes(warnings) -> list[str]:
    return [w.code for w in warnings if w.code != "no-doc-number"]


@pytest.mark.parametrize("line", [
    "Chargé Holt to the Secretary of State.",
    "Chargé d'Affaires Holt to the Secretary of State.",
    "Minister Russell to the Secretary of State",
    "Special Agent Carden to the Secretary of State.",
    "President Wilson to the Emperor of Japan",
    "Consul-General Ward to Mr. Hay.",
    "Minister Dupuy de Lôme to Mr. Sherman.",
    "M. Delcassé to Mr. Porter.",
    "M Long to Mr. Hay.",
    "Same to same.",
    "Same to the same.",
    "The same to the same.",
    "Same to Mr. Fish.",
    "His Majesty the King of Siam to the President.",
    "His Imperial Majesty the Emperor of Korea to the President",
    "Mr. Harlow to Mr. Pell.",  # the shape before these rows, unchanged
])
def test_sender_titles(line: str) -> None:
    assert pt.is_sender_title(line)


@pytest.mark.parametrize("line", [
    "Minister Russell to proceed to the capital at once.",  # a sentence: no addressee
    "President Wilson said that he would go to the conference.",
    "Same to be done again.",
    "His Majesty was pleased to receive me.",
    "Secretary of State",
])
def test_not_sender_titles(line: str) -> None:
    assert not pt.is_sender_title(line)


@pytest.mark.parametrize("line", [
    "Circular.",
    "Circular instruction.",
    "Executive order.",
    "[Untitled]",
    "A Proclamation.",
    "By the President of the United States of America.",
    "Convention Between the United States and Other Powers.",
    "Treaty of Peace with Germany",
    "Press Release Issued by the Department of State, June 4, 1933",
    "Minutes of the Ninth Meeting of the Council of Foreign Ministers",
    "Agreement extending the duration of the Arbitration Convention of 1908.",
    "Aide-Mémoire From the Netherlands Legation",
    "Identic note.",
    "Radio Address by the Secretary of State, July 3, 1940",
    "Note From the British Embassy",
])
def test_document_titles_without_to(line: str) -> None:
    assert pt.is_document_title(line)


@pytest.mark.parametrize("line", [
    "Agreement was reached on all points.",
    "Treaty rights are not in question.",
    "Executive orders",
])
def test_not_document_titles(line: str) -> None:
    assert not pt.is_document_title(line)


@pytest.mark.parametrize("line", [
    "Lot 60–D 224, Box 41: D.O./P.R./17",
    "Lot 64D563",
    "United States Delegation Minutes: SFM Min–6",
])
def test_source_lines(line: str) -> None:
    assert pt.is_source_line(line)


@pytest.mark.parametrize(("line", "plausible"), [
    ("Informal Record of the Talks at Rapallo, Second Day", True),
    ("Extract from the diary of the Ambassador in Japan.", True),
    ("memorandum of a conversation at the legation", True),  # small capitals in print
    (BODY, False),
    ("Just some words.", False),
    ("Washington, March 3, 1914.", False),
    ("Dear Mr. Secretary:", False),
    ("Sincerely yours,", False),
    ("[Page 12]", False),
    ("Gentlemen of the Congress:", False),
])
def test_plausible_titles(line: str, plausible: bool) -> None:
    assert pt.is_plausible_title(line) is plausible


@pytest.mark.parametrize(("top", "layout", "source", "title"), [
    ("Chargé Holt to the Secretary of State.", "nineteenth-century", None,
     "Chargé Holt to the Secretary of State"),
    ("File No. 812.00/4411.\nSpecial Agent Carden to the Secretary of State.", "older",
     "File No. 812.00/4411.", "Special Agent Carden to the Secretary of State."),
    ("No. 24.\nSame to same.\nNo. 119.]", "nineteenth-century", "No. 24.", "Same to same"),
    ("Circular.", "older", None, "Circular."),
    ("[Untitled]", "older", None, "[Untitled]"),
    ("Mr. Denby to Mr.\nOlney.", "nineteenth-century", None, "Mr. Denby to Mr. Olney"),
    ("The Tsung-li Yamên to\nMr. Denby.", "nineteenth-century", None,
     "The Tsung-li Yamên to Mr. Denby"),
    ("The Tsung-li Yamên to\nMr. Denby.\n", "nineteenth-century", None,
     "The Tsung-li Yamên to Mr. Denby"),  # the blank-line rendering
    ("Lot 60–D 224, Box 41: D.O./P.R./17\nThe Secretary of State to the President", "older",
     "Lot 60–D 224, Box 41: D.O./P.R./17", "The Secretary of State to the President"),
])
def test_known_shapes_read_without_a_warning(top: str, layout: str, source: str | None,
                                             title: str) -> None:
    document, warnings = read(f"{top}\n{BODY}")
    assert (document.layout, document.source_line, document.title) == (layout, source, title)
    assert codes(warnings) == []


def test_an_unknown_title_is_the_head_with_a_warning() -> None:
    document, warnings = read(f"Informal Record of the Talks at Rapallo\n{BODY}")
    assert document.title == "Informal Record of the Talks at Rapallo"
    assert [b.role for b in document.blocks][:2] == ["head", "paragraph"]
    (warning,) = [w for w in warnings if w.code == "title-unknown"]
    assert warning.line == 1 and "Informal Record" in warning.message


def test_an_unknown_title_under_a_source_line_is_the_head_with_a_warning() -> None:
    document, warnings = read(
        f"File No. 711.94/2210.\nExtract from the diary of the Ambassador.\n{BODY}"
    )
    assert document.source_line == "File No. 711.94/2210."
    assert document.title == "Extract from the diary of the Ambassador."
    assert [(w.code, w.line) for w in warnings if w.code == "title-unknown"] == [
        ("title-unknown", 2)
    ]


def test_a_collection_line_over_a_title_is_a_known_source_line() -> None:
    document, warnings = read(
        f"Hopkins Collection, Box 7\nMemorandum by the Special Assistant (Hopkins)\n{BODY}"
    )
    assert document.source_line == "Hopkins Collection, Box 7"
    assert codes(warnings) == []


def test_an_unknown_line_over_a_known_title_is_the_source_line_with_a_warning() -> None:
    document, warnings = read(
        f"Hopkins Briefing Book, Box 7\nMemorandum by the Special Assistant (Hopkins)\n{BODY}"
    )
    assert document.source_line == "Hopkins Briefing Book, Box 7"
    assert document.title == "Memorandum by the Special Assistant (Hopkins)"
    assert codes(warnings) == ["source-unknown"]


@pytest.mark.parametrize("text", [
    f"{BODY}\n{BODY}",  # prose: a page whose title was not copied
    f"Washington, March 3, 1914.\n{BODY}",  # a dateline first
    f"[Page 12]\n{BODY}",
    f"Dear Mr. Secretary:\n{BODY}",
    f"- A footnote.↩\n{BODY}",
])
def test_what_is_no_title_is_still_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        read(text)
    assert caught.value.problem.code == "no-title"


def test_a_source_line_over_prose_is_still_refused() -> None:
    with pytest.raises(InputError) as caught:
        read(f"File No. 711.94/2210.\n{BODY}\n{BODY}")
    assert caught.value.problem.code == "no-title"


def test_the_fixtures_of_known_shapes_have_no_unknown_warning() -> None:
    """Every titles_* fixture but the three of unknown shapes reads its first lines by a row
    of the tables: no ``title-unknown`` or ``source-unknown`` warning."""
    folder = REPO / "tests" / "fixtures" / "variants"
    unknown = {"titles_unknown_shape_b", "titles_source_unknown_title_a", "titles_unknown_source_a"}
    paths = sorted(folder.glob("titles_*.txt"))
    assert len(paths) > 15
    for path in paths:
        found = {w.code for w in convert_text(read_source(path)).warnings}
        guessed = found & {"title-unknown", "source-unknown"}
        assert bool(guessed) is (path.stem in unknown), (path.stem, guessed)
