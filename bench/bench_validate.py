"""Benchmark `teikit validate`: the one-off cost of compiling the schemas, then the rate.

Makes N documents (default 1,000) in a temporary folder by copying the edition's TEI
(tei/*.xml, or the test fixtures when tei/ is empty) under new ids, then validates them
all against teikit.rng and teikit.sch, and prints documents per second. With
``--schema`` (e.g. tei_all.rng) it also validates them against that grammar alone, the
way ``teikit validate --schema`` does (jing, in one run, when it is installed), with
lxml (libxml2 compiles the grammar first), and with a plain ``jing schema files...``.

    python bench/bench_validate.py [--count 1000] [--schema path/to/tei_all.rng]
        [--keep DIR]   # write the copies into DIR and keep them (to time whole commands)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from lxml import etree

from teikit.validation import Validator, default_grammar_path, default_rules_path
from teikit.validation.grammar import load_grammar
from teikit.validation.rules import load_rules

REPO = Path(__file__).resolve().parents[1]
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEI = "{http://www.tei-c.org/ns/1.0}"


def sources() -> list[Path]:
    found = sorted((REPO / "tei").glob("*.xml"))
    return found or sorted((REPO / "tests" / "fixtures" / "validate" / "valid").glob("*.xml"))


def make_copies(originals: list[Path], count: int, folder: Path) -> int:
    """Write ``count`` copies with fresh TEI ids (and matching file names); return bytes."""
    trees = [etree.parse(str(p)) for p in originals]
    size = 0
    for i in range(count):
        tree = trees[i % len(trees)]
        root = tree.getroot()
        old = root.get(XML_ID)
        new = f"bench{i}-{old}"
        root.set(XML_ID, new)
        idno = root.find(f".//{TEI}idno[@type='teikit']")
        if idno is not None:
            idno.text = new
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        (folder / f"{new}.xml").write_bytes(data)
        size += len(data)
        root.set(XML_ID, old)
        if idno is not None:
            idno.text = old
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="documents to validate")
    parser.add_argument("--schema", type=Path, help="also time compiling this RELAX NG "
                        "(e.g. tei_all.rng) and validating against it without the rules")
    parser.add_argument("--keep", type=Path, help="write the copies into this folder "
                        "and keep them")
    args = parser.parse_args()

    originals = sources()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        size = make_copies(originals, args.count, folder)
        print(f"documents: {args.count} copies of {len(originals)} TEI files "
              f"({size / 1e6:.1f} MB in all)")

        t0 = time.perf_counter()
        load_grammar(default_grammar_path())
        t1 = time.perf_counter()
        load_rules(default_rules_path())
        t2 = time.perf_counter()
        print(f"compile once per process: teikit.rng {1000 * (t1 - t0):.1f} ms, "
              f"teikit.sch {1000 * (t2 - t1):.1f} ms")

        validator = Validator()
        start = time.perf_counter()
        report = validator.validate_paths([folder])
        elapsed = time.perf_counter() - start
        print(f"validate (grammar + rules): {len(report.files)} documents in {elapsed:.2f} s = "
              f"{len(report.files) / elapsed:.0f} documents/s "
              f"({1000 * elapsed / len(report.files):.2f} ms each); "
              f"{len(report.findings)} findings")

        grammar_only = Validator(rules=False)
        start = time.perf_counter()
        report = grammar_only.validate_paths([folder])
        elapsed = time.perf_counter() - start
        print(f"validate (grammar only): {len(report.files) / elapsed:.0f} documents/s")

        if args.schema:
            engines = ["lxml"] + (["jing"] if shutil.which("jing") else [])
            for engine in engines:
                t0 = time.perf_counter()
                other = Validator(args.schema, rules=False, engine=engine)
                t1 = time.perf_counter()
                report = other.validate_paths([folder])
                t2 = time.perf_counter()
                print(f"{args.schema.name} with {engine}: {t2 - t0:.2f} s in all "
                      f"(set-up {t1 - t0:.2f} s, then {len(report.files) / (t2 - t1):.0f} "
                      f"documents/s); {len(report.findings)} findings")
            if "jing" in engines:
                files = sorted(str(p) for p in folder.glob("*.xml"))
                t0 = time.perf_counter()
                subprocess.run(["jing", str(args.schema), *files], capture_output=True,
                               check=False)
                print(f"{args.schema.name}, plain jing on the same files: "
                      f"{time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
