"""Nothing lost, nothing invented: every word of each seed is in its TEI, in order.

The TEI text is read back in input order: the body with each footnote replaced by its
marker (glued as the page text has it), then the notes' texts in document order, which is
the order of the page's trailing note list. The input is read with only the page's own
decorations removed: page markers, bullets, the note list's labels and return arrows.
"""

from __future__ import annotations

import re

import pytest
from conftest import SEED_FILES, TEI_NS
from lxml import etree

from teikit.convert import convert_file

PAGE = re.compile(r"\[(?:(?:Facsimile|Typeset) )?Page [0-9ivxlcdm]+\]")


def input_words(text: str) -> list[str]:
    words: list[str] = []
    for line in text.splitlines():
        line = PAGE.sub(" ", line)
        line = re.sub(r"^\s+\d{1,3}\.\s", "", line)    # style-B note list label
        line = re.sub(r"^\s*(?:- |[•·]\s)", "", line)   # bullets
        line = line.replace("↩", " ")
        words.extend(line.split())
    return words


def local(el: etree._Element) -> str:
    return etree.QName(el).localname


def tei_words(root: etree._Element) -> list[str]:
    body = root.find(f".//{{{TEI_NS}}}body")
    main: list[str] = []
    notes: list[str] = []

    def walk(el: etree._Element, out: list[str]) -> None:
        out.append(el.text or "")
        for child in el:
            name = local(child)
            if name == "note" and child.get("rend") != "inline":
                out.append(child.get("n"))
                inner: list[str] = []
                walk(child, inner)
                notes.append(" ".join(inner))
            elif name in ("lb", "pb"):
                out.append(" ")
            elif name in ("p", "item", "label", "head", "signed") or len(child):
                out.append(" ")
                walk(child, out)
                out.append(" ")
            else:
                walk(child, out)
            out.append(child.tail or "")

    walk(body, main)
    return "".join(main).split() + " ".join(notes).split()


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_word_in_order_and_none_invented(seed) -> None:
    expected = input_words(seed.read_text(encoding="utf-8"))
    got = tei_words(convert_file(seed).root)
    assert got == expected


def test_the_check_catches_a_lost_word() -> None:
    seed = SEED_FILES[0]
    root = convert_file(seed).root
    paragraphs = root.findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}p")
    target = next(p for p in paragraphs if "Bloc" in (p.text or ""))
    target.text = target.text.replace("Bloc", "", 1)
    assert tei_words(root) != input_words(seed.read_text(encoding="utf-8"))


def test_the_check_catches_an_invented_word() -> None:
    seed = SEED_FILES[1]
    root = convert_file(seed).root
    note = root.find(f".//{{{TEI_NS}}}note[@n='0']")
    note.text += " Secret."
    assert tei_words(root) != input_words(seed.read_text(encoding="utf-8"))
