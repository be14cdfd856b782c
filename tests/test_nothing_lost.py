"""Nothing lost, nothing invented: every word of each seed is in its TEI, in order.

The TEI text is read back in input order: the body with each footnote replaced by its
marker (glued as the page text has it), then the notes' texts in document order, which is
the order of the page's trailing note list. The input is read with only the page's own
decorations removed: page markers, bullets, the note list's labels and return arrows.
"""

from __future__ import annotations

import pytest
from conftest import SEED_FILES, TEI_NS
from textcheck import input_words, tei_words

from teikit.convert import convert_file


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
