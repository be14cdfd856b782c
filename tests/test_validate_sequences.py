"""The sequence rules in Python give exactly what teikit.sch's XPath versions give.

teikit runs teikit.sch in the phase "linear" and checks note-sequence and pb-order in
one pass in Python (teikit.validation.sequences); any other processor runs the whole
Schematron (#ALL), where those two rules are XPath. Both must find the same things,
with the same ids, severities, places and messages: on every fixture and TEI file of
the repository, and on random documents made to stress the rules (repeated numbers,
notes without an anchor, symbol notes, nested notes, several document divs, typed
and unnumbered page breaks).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import REPO, TEI_DIR
from lxml import etree

from teikit.validation import default_rules_path, sequences
from teikit.validation.parsing import parse_bytes
from teikit.validation.positions import SourceMap
from teikit.validation.rules import Rules, load_rules

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FILES = sorted([*(REPO / "tests" / "fixtures" / "schematron").glob("*.xml"),
                *(REPO / "tests" / "fixtures" / "validate").glob("*.xml"),
                *(REPO / "tests" / "fixtures" / "validate" / "valid").glob("*.xml"),
                *TEI_DIR.glob("*.xml")])


@pytest.fixture(scope="module")
def xpath_rules() -> Rules:
    return Rules(default_rules_path(), phase="#ALL")


@pytest.fixture(scope="module")
def linear_rules() -> Rules:
    return load_rules(default_rules_path())


def _findings(rules: Rules, data: bytes, name: str) -> list[tuple[object, ...]]:
    parsed = parse_bytes(data, name)
    assert not isinstance(parsed, list), parsed
    found = rules.check(parsed.tree, SourceMap(parsed.tree, parsed.text), name, "")
    return sorted((f.line, f.column, f.severity, f.rule, f.message) for f in found)


def test_teikit_runs_the_linear_phase_and_the_python_checks(linear_rules: Rules,
                                                           xpath_rules: Rules) -> None:
    assert linear_rules.phase == "linear" and linear_rules.python_sequences
    assert xpath_rules.phase == "#ALL" and not xpath_rules.python_sequences
    assert set(sequences.CHECKS) <= set(linear_rules.ids)


def _parses(path: Path) -> bool:
    return not isinstance(parse_bytes(path.read_bytes(), path.name), list)


@pytest.mark.parametrize("path", [p for p in FILES if _parses(p)], ids=lambda p: p.name)
def test_same_findings_on_the_repository_files(path: Path, xpath_rules: Rules,
                                               linear_rules: Rules) -> None:
    data = path.read_bytes()
    assert _findings(linear_rules, data, path.name) == _findings(xpath_rules, data, path.name)


# ------------------------------------------------------------------ random documents


def _random_document(seed: int) -> bytes:
    """A TEI document of one or two document divs full of notes and page breaks whose
    numbers are mostly, but not always, in sequence."""
    rng = random.Random(seed)
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    root.set(XML_ID, "frus-d1")
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    note_n, page = {"": 0}, {"": 100, "facsimile": 0, "typeset": 0}
    for d in range(rng.randint(1, 2)):
        div = etree.SubElement(body, f"{{{TEI}}}div", type="document", n=str(d + 1))
        div.set(XML_ID, f"d{d + 1}")
        if rng.random() < 0.3:
            note_n[""] = 0  # a new document may start its numbers again
        for _ in range(rng.randint(1, 12)):
            p = etree.SubElement(div, f"{{{TEI}}}p")
            p.text = "Words"
            for _ in range(rng.randint(0, 3)):
                roll = rng.random()
                if roll < 0.1:
                    n = rng.choice(["*", "†", "**"])
                elif roll < 0.2:
                    n = str(note_n[""] + rng.choice([-1, 0, 2, 3]))
                else:
                    note_n[""] += 1
                    n = str(note_n[""])
                note = etree.SubElement(p, f"{{{TEI}}}note", n=n)
                note.text = "A note"
                if rng.random() < 0.15:
                    note.set("anchored", "false")
                if rng.random() < 0.05:  # a note inside a note
                    note_n[""] += 1
                    inner = etree.SubElement(note, f"{{{TEI}}}note", n=str(note_n[""]))
                    inner.text = "inner"
                note.tail = " more words"
            if rng.random() < 0.5:
                kind = rng.choice(["", "", "facsimile", "typeset"])
                step = rng.choice([1, 1, 1, 2, 0, -1])
                page[kind] += step
                pb = etree.SubElement(div, f"{{{TEI}}}pb",
                                      n=rng.choice([str(page[kind])] * 9 + ["xii", ""]))
                if kind:
                    pb.set("type", kind)
    if rng.random() < 0.2:  # notes outside any document div
        extra = etree.SubElement(body, f"{{{TEI}}}p")
        extra.text = "After"
        etree.SubElement(extra, f"{{{TEI}}}note", n=str(rng.randint(0, 9))).text = "x"
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


SEEDS = range(150)


def _sequence_findings(rules: Rules, data: bytes) -> list[tuple[object, ...]]:
    return [f for f in _findings(rules, data, "random.xml") if f[3] in sequences.CHECKS]


def test_same_findings_on_random_documents(xpath_rules: Rules, linear_rules: Rules) -> None:
    seen = 0
    for seed in SEEDS:
        data = _random_document(seed)
        expected = _sequence_findings(xpath_rules, data)
        assert _sequence_findings(linear_rules, data) == expected, (seed, data.decode())
        seen += len(expected)
    assert seen > 60, "the random documents should break the sequences often"


def test_the_comparison_catches_a_broken_check(xpath_rules: Rules, linear_rules: Rules,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The random documents tell a subtly wrong implementation from the right one: here,
    one that forgets that the numbers of notes without an anchor may be skipped."""
    monkeypatch.setattr(sequences, "_unanchored_numbers", lambda root: {})
    assert any(_sequence_findings(linear_rules, d) != _sequence_findings(xpath_rules, d)
               for d in map(_random_document, SEEDS))
