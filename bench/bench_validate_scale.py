"""Benchmark validation of one very long document: does the cost grow with its length only?

Generates, from one of the edition's files (its header is kept), a document with many
footnotes (default 10,000) and a document with many page breaks (default 50,000), both
valid against teikit.rng and teikit.sch, and times validating each with the grammar
alone and with the grammar and the rules. Each size is also run at a tenth, so that the
growth shows: a linear check takes about ten times as long for ten times the document.

    python bench/bench_validate_scale.py [--notes 10000] [--pages 50000] [--repeat 1]
        [--broken 4000]   # also: a document whose 4,000 page breaks all have wrong ids
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from teikit.validation import Validator

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO / "tei" / "frus1958-60v19-d352.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FIRST_PAGE = 721
WORDS = "The Ambassador said that the Chinese position on the offshore islands was firm"


def _skeleton() -> tuple[etree._ElementTree, etree._Element]:
    """The template's tree with an empty document div (head and source note kept)."""
    tree = etree.parse(str(TEMPLATE))
    div = tree.find(f".//{TEI}div[@type='document']")
    assert div is not None
    for child in list(div):
        if child.tag != f"{TEI}head":
            div.remove(child)
    return tree, div


def _set_pages(tree: etree._ElementTree, last: int) -> None:
    scope = tree.find(f".//{TEI}biblScope[@unit='page']")
    assert scope is not None
    scope.set("from", str(FIRST_PAGE))
    scope.set("to", str(last))
    scope.text = f"{FIRST_PAGE}–{last}"


def _paragraph(div: etree._Element, text: str) -> etree._Element:
    p = etree.SubElement(div, f"{TEI}p")
    p.text = text
    return p


def many_notes(count: int) -> bytes:
    """A document whose paragraphs each carry a footnote (1..count), a page break every
    fifty paragraphs, a symbol note every hundred and an unanchored note every thousand."""
    tree, div = _skeleton()
    doc_id = div.get(XML_ID)
    page = FIRST_PAGE
    for n in range(1, count + 1):
        p = _paragraph(div, f"{WORDS} ({n})")
        note = etree.SubElement(p, f"{TEI}note", n=str(n))
        note.set(XML_ID, f"{doc_id}fn{n}")
        note.text = f"Telegram {n} from Taipei, not printed."
        note.tail = " and the talks went on."
        if n % 1000 == 0:
            note.set("anchored", "false")
        if n % 100 == 0:
            symbol = etree.SubElement(p, f"{TEI}note", n="*")
            symbol.set(XML_ID, f"{doc_id}fnast_{n}" if n > 100 else f"{doc_id}fnast")
            symbol.text = "Printed from an unsigned copy."
        if n % 50 == 0:
            page += 1
            pb = etree.SubElement(div, f"{TEI}pb", n=str(page))
            pb.set(XML_ID, f"pg_{page}")
    _set_pages(tree, page)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def many_pages(count: int) -> bytes:
    """A document with ``count`` page breaks between short paragraphs, one in ten of them
    a facsimile page (numbered on its own), and a footnote on every tenth paragraph."""
    tree, div = _skeleton()
    doc_id = div.get(XML_ID)
    page, facsimile, note_n = FIRST_PAGE, 0, 0
    for i in range(count):
        p = _paragraph(div, f"{WORDS} [{i}]")
        if i % 10 == 0:
            note_n += 1
            note = etree.SubElement(p, f"{TEI}note", n=str(note_n))
            note.set(XML_ID, f"{doc_id}fn{note_n}")
            note.text = "Not found in the files."
        if i % 10 == 9:
            facsimile += 1
            pb = etree.SubElement(div, f"{TEI}pb", n=str(facsimile), type="facsimile")
            pb.set(XML_ID, f"pg_facsimile_{facsimile}")
        else:
            page += 1
            pb = etree.SubElement(div, f"{TEI}pb", n=str(page))
            pb.set(XML_ID, f"pg_{page}")
    _set_pages(tree, page)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def _time(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall-clock and processor seconds of ``repeat`` runs (processor time is the
    steadier figure on a shared machine)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def measure(name: str, data: bytes, folder: Path, repeat: int,
            validators: dict[str, Validator]) -> None:
    """Validate ``data`` with each validator and print the time and the findings."""
    root = etree.fromstring(data)
    path = folder / f"{root.get(XML_ID)}.xml"
    path.write_bytes(data)
    for label, validator in validators.items():
        reports = []
        wall, cpu = _time(lambda v=validator, out=reports: out.append(v.validate_file(path)),
                          repeat)
        print(f"  {name:<26} {label:<18} {wall:8.2f} s wall {cpu:8.2f} s cpu   "
              f"({len(reports[-1].findings)} findings)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000, help="footnotes in one document")
    parser.add_argument("--pages", type=int, default=50_000, help="page breaks in one document")
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure (best is shown)")
    parser.add_argument("--no-tenth", action="store_true", help="skip the runs at a tenth")
    parser.add_argument("--broken", type=int, default=0,
                        help="also time a document of this many page breaks, every one "
                             "with a wrong id (a finding each from the grammar and the rules)")
    args = parser.parse_args()

    validators = {"grammar only": Validator(rules=False),
                  "grammar + rules": Validator()}
    cases: list[tuple[str, Callable[[int], bytes], int]] = []
    for label, make, size in (("notes", many_notes, args.notes),
                              ("page breaks", many_pages, args.pages)):
        if not args.no_tenth:
            cases.append((f"{size // 10:,} {label}", make, size // 10))
        cases.append((f"{size:,} {label}", make, size))
    if args.broken:
        def broken(count: int) -> bytes:
            return many_pages(count).replace(b'xml:id="pg_', b'xml:id="page_')
        if not args.no_tenth:
            cases.append((f"{args.broken // 2:,} bad page ids", broken, args.broken // 2))
        cases.append((f"{args.broken:,} bad page ids", broken, args.broken))
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, size in cases:
            data = make(size)
            print(f"{name}: {len(data) / 1e6:.1f} MB")
            measure(name, copy.copy(data), Path(tmp), args.repeat, validators)


if __name__ == "__main__":
    main()
