"""Nothing lost, nothing invented: an independent check beside the converter's self-check.

Every conversion already checks itself (teikit.selfcheck, tested in test_selfcheck.py). So
that the self-check is not tested only by itself, this file keeps a second, separately
written reading (tests/textcheck.py, also used by the property tests): the TEI text is read
back in input order, the body with each footnote replaced by its marker (glued as the page
text has it), then the notes' texts in document order, which is the order of the page's
trailing note list. The input is read with only the page's own decorations removed: page
markers, bullets, the note list's labels and return arrows. Conversions here run with the
self-check off, so this check is what decides.
"""

from __future__ import annotations

import pytest
import textcheck
from conftest import REPO, SEED_FILES, TEI_NS
from textcheck import same_text

from teikit.convert import ConvertOptions, convert_file
from teikit.selfcheck import PAGE_MARKER, input_words, shown, tei_words

VARIANTS = sorted((REPO / "tests" / "fixtures" / "variants").glob("*.txt"))
UNCHECKED = ConvertOptions(self_check=False)
independent_input = textcheck.input_words
independent_tei = textcheck.tei_words


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_word_in_order_and_none_invented(seed) -> None:
    expected = independent_input(seed.read_text(encoding="utf-8"))
    got = independent_tei(convert_file(seed, UNCHECKED).root)
    assert got == expected


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda p: p.stem)
def test_every_character_of_each_variant_in_order(variant) -> None:
    # Character level: a marker set off by a space is glued in TEI (see same_text).
    expected = independent_input(variant.read_text(encoding="utf-8"))
    assert same_text(independent_tei(convert_file(variant, UNCHECKED).root), expected)


@pytest.mark.parametrize("path", [*SEED_FILES, *VARIANTS], ids=lambda p: p.stem)
def test_the_two_checks_read_the_same_text(path) -> None:
    # The self-check's two streams, page markers left out, hold the characters the
    # independent reading finds on each side.
    text = path.read_text(encoding="utf-8")
    root = convert_file(path, UNCHECKED).root

    def chars(words: list[str]) -> str:
        return "".join(shown(w) for w in words if not PAGE_MARKER.fullmatch(shown(w)))

    assert chars(input_words(text.split("\n")).words) == "".join(independent_input(text))
    assert chars(tei_words(root).words) == "".join(independent_tei(root))


def test_the_check_catches_a_lost_word() -> None:
    seed = SEED_FILES[0]
    root = convert_file(seed, UNCHECKED).root
    paragraphs = root.findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}p")
    target = next(p for p in paragraphs if "Bloc" in (p.text or ""))
    target.text = target.text.replace("Bloc", "", 1)
    assert independent_tei(root) != independent_input(seed.read_text(encoding="utf-8"))


def test_the_check_catches_an_invented_word() -> None:
    seed = SEED_FILES[1]
    root = convert_file(seed, UNCHECKED).root
    note = root.find(f".//{{{TEI_NS}}}note[@n='0']")
    note.text += " Secret."
    assert independent_tei(root) != independent_input(seed.read_text(encoding="utf-8"))
