"""Round trips through the page-text output, for all five seeds.

1. TEI -> page text -> TEI gives the same TEI, byte for byte, when the page text is
   converted with the same catalog facts (and under the seed's file name, which the header
   records).
2. seed -> TEI -> page text keeps every word, note and page marker of the seed, in order;
   the page text equals the seed except where the copy lost a block (a run of blank lines
   in style B, which the TEI has no element for).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import NS, SEED_FILES, SEEDS, TEI_DIR
from textcheck import PAGE, input_words

from teikit.convert import ConvertOptions, convert_file
from teikit.render import read_tei, render_document

CATALOG = SEEDS / "catalog.toml"


def convert(path: Path):
    return convert_file(path, ConvertOptions(catalog=CATALOG, strict=True))


def page_text_of(seed: Path) -> str:
    return render_document(convert(seed).root, "page-text")


def note_texts(text: str, style_b: bool) -> list[str]:
    """The texts of the trailing note list, without labels and return arrows."""
    lines = text.splitlines()
    if style_b:
        pattern = re.compile(r"^\s{1,8}(?:\d{1,3}|[*†‡§‖¶]{1,4})\.\s+(.*)$")
        tail = [m.group(1) for line in lines if (m := pattern.match(line))]
    else:
        tail = [line[2:].rstrip("↩") for line in lines if line.startswith("- ")
                and line.rstrip().endswith("↩")]
    return tail


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_tei_to_page_text_to_tei_is_identical(seed: Path, tmp_path: Path) -> None:
    fresh = convert(seed)
    committed = TEI_DIR / f"{fresh.tei_id}.xml"
    # Start from the committed tei/ file when there is one (it should equal `fresh`).
    root = read_tei(committed) if committed.is_file() else fresh.root
    expected = committed.read_bytes() if committed.is_file() else fresh.to_bytes()
    again = tmp_path / seed.name  # the header records the input's file name
    again.write_text(render_document(root, "page-text"), encoding="utf-8")
    assert convert(again).to_bytes() == expected


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_to_tei_to_page_text_keeps_every_word_note_and_page(seed: Path) -> None:
    original = seed.read_text(encoding="utf-8")
    written = page_text_of(seed)
    assert input_words(written) == input_words(original)
    assert PAGE.findall(written) == PAGE.findall(original)
    style_b = convert(seed).root.find(".//tei:bibl[@type='page-text']", NS).get("subtype") \
        == "blank-line-blocks"
    assert note_texts(written, style_b) == note_texts(original, style_b)
    assert len(note_texts(written, style_b)) > 0


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_page_text_equals_the_seed_but_for_lost_blocks(seed: Path) -> None:
    original = seed.read_text(encoding="utf-8")
    written = page_text_of(seed)
    assert written == re.sub(r"\n{3,}", "\n\n", original)


def test_the_word_check_catches_a_lost_page_marker() -> None:
    seed = SEED_FILES[0]
    written = page_text_of(seed).replace("[Page 722]", "", 1)
    assert PAGE.findall(written) != PAGE.findall(seed.read_text(encoding="utf-8"))


# --- hand-written fixtures: body constructs the seeds lack ----------------------------------

FIXTURES = SEEDS.parent / "tests" / "fixtures" / "render"


def _body(root) -> bytes:
    """The document body with the indentation of element-only containers removed."""
    from lxml import etree

    body = etree.fromstring(etree.tostring(root.find(".//tei:body", NS)))
    for el in body.iter():
        if len(el) and el.text is not None and not el.text.strip():
            el.text = None
        for child in el:
            if child.tail is not None and not child.tail.strip():
                child.tail = None
    return etree.tostring(body, encoding="utf-8")


def _round_trip_body(fixture: Path, style: str) -> tuple[bytes, bytes]:
    from teikit.convert import convert_text
    from teikit.textsource import decode

    root = read_tei(fixture)
    text = render_document(root, "page-text", {"style": style})
    again = convert_text(decode(text.encode("utf-8"), fixture.name))
    return _body(again.root), _body(root)


def test_fixture_round_trip_style_b() -> None:
    got, expected = _round_trip_body(FIXTURES / "all-body-features.xml", "B")
    assert got == expected


def test_fixture_round_trip_style_a() -> None:
    got, expected = _round_trip_body(FIXTURES / "all-body-features.xml", "A")
    assert got == expected


@pytest.mark.parametrize("style", ["A", "B"])
def test_adjacent_lists_round_trip(style: str) -> None:
    """A bulleted list then a labelled one: the reader parts them where the labels start
    (two adjacent bulleted lists would still read back as one: the page cannot show it)."""
    got, expected = _round_trip_body(FIXTURES / "adjacent-lists.xml", style)
    assert got == expected


# --- enclosures and postscripts --------------------------------------------------------------

VARIANTS = SEEDS.parent / "tests" / "fixtures" / "variants"
ENCLOSURE_FIXTURES = ["nineteenth_century_despatch_b.txt", "enclosures_postscript_1860s_b.txt",
                      "enclosure_memorandum_1930s_a.txt"]


@pytest.mark.parametrize("name", ENCLOSURE_FIXTURES)
def test_enclosures_round_trip_through_page_text(name: str, tmp_path: Path) -> None:
    """A document with enclosures and postscripts: page text -> TEI -> page text -> TEI gives
    the same TEI, and the page text keeps every word and page marker of the input."""
    source = VARIANTS / name
    first = convert_file(source, ConvertOptions())
    assert first.root.findall(".//tei:div[@type='enclosure']", NS)
    written = render_document(first.root, "page-text")
    again = tmp_path / name
    again.write_text(written, encoding="utf-8")
    assert convert_file(again, ConvertOptions()).to_bytes() == first.to_bytes()
    original = source.read_text(encoding="utf-8")
    assert input_words(written) == input_words(original)
    assert PAGE.findall(written) == PAGE.findall(original)
