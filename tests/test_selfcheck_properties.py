"""Properties of the self-check: any word dropped, added, swapped or joined is caught, in
the TEI of the structured reading and in that of its fallback, the plain reading.

Hypothesis picks a converted fixture, a text node of its TEI body (text or tail, in the
body or in a note) and a word of it, and changes the tree as a faulty writer would; the
check must refuse every such tree, naming a line of the input.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REPO, SEED_FILES, TEI_NS
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import teikit.convert as convert_module
from teikit.catalog import DocumentFacts
from teikit.convert import ConvertOptions, convert_file
from teikit.reader import read_document
from teikit.reader.plain import read_plain
from teikit.selfcheck import SelfCheckError, check_conversion
from teikit.textsource import read_source

EXAMPLES = int(os.environ.get("TEIKIT_HYPOTHESIS_EXAMPLES", "150"))
INPUTS = [*SEED_FILES, *sorted((REPO / "tests" / "fixtures" / "variants").glob("*.txt"))]


def _converted(path: Path) -> tuple[list[str], bytes]:
    return read_source(path).lines, convert_file(path, ConvertOptions(self_check=False)) \
        .to_bytes()


CONVERTED = {path: _converted(path) for path in INPUTS}


def _plain(path: Path) -> tuple[list[str], bytes]:
    """The TEI of the converter's fallback, the plain reading (teikit.reader.plain)."""
    source = read_source(path)
    document = read_plain(source, read_document(source)[0]).document
    _, root = convert_module._tei(source, document, DocumentFacts(), [])
    return source.lines, etree.tostring(root)


PLAIN = {path: _plain(path) for path in INPUTS}


def _slots(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every (element, "text" or "tail") of the body that holds a word."""
    body = root.find(f".//{{{TEI_NS}}}body")
    found = []
    for element in body.iter():
        if element is not body and (element.tail or "").split():
            found.append((element, "tail"))
        if (element.text or "").split():
            found.append((element, "text"))
    return found


def _change(words: list[str], how: str, k: int) -> list[str]:
    if how == "drop":
        return words[:k] + words[k + 1:]
    if how == "add":
        return [*words[:k], "invented", *words[k:]]
    if how == "join":  # a lost space between two words
        return [*words[:k], words[k] + words[k + 1], *words[k + 2:]]
    return [*words[:k], words[k + 1], words[k], *words[k + 2:]]  # swap with the next


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.sampled_from(INPUTS), st.integers(min_value=0), st.integers(min_value=0),
       st.sampled_from(["drop", "add", "swap", "join"]))
def test_any_changed_word_is_caught(path: Path, slot: int, word: int, how: str) -> None:
    _caught(*CONVERTED[path], path, slot, word, how)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.sampled_from(INPUTS), st.integers(min_value=0), st.integers(min_value=0),
       st.sampled_from(["drop", "add", "swap", "join"]))
def test_any_changed_word_of_the_plain_reading_is_caught(path: Path, slot: int, word: int,
                                                          how: str) -> None:
    # The fallback's TEI is checked as strictly as the structured reading's.
    _caught(*PLAIN[path], path, slot, word, how)


def _caught(lines: list[str], data: bytes, path: Path, slot: int, word: int, how: str) -> None:
    root = etree.fromstring(data)
    slots = _slots(root)
    element, attr = slots[slot % len(slots)]
    value = getattr(element, attr)
    words = value.split()
    k = word % len(words)
    if (how in ("swap", "join") and k + 1 >= len(words)) or \
            (how == "swap" and words[k] == words[k + 1]):
        how = "drop"
    changed = " ".join(_change(words, how, k))
    # keep the white space at the ends: a word's glue to its neighbours stays as it was
    lead = value[: len(value) - len(value.lstrip())]
    trail = value[len(value.rstrip()):]
    setattr(element, attr, lead + changed + trail)
    with pytest.raises(SelfCheckError) as caught:
        check_conversion(path.name, lines, root)
    assert 1 <= caught.value.problem.line <= len(lines)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_the_unchanged_tree_passes(path: Path) -> None:
    for lines, data in (CONVERTED[path], PLAIN[path]):
        check_conversion(path.name, lines, etree.fromstring(data))
