"""A folder of many inputs, some bad: the good ones convert, the bad ones are reported.

The issue asks for 10,000 files; bench/bench_convert_many.py converts that many and prints
the time. This test makes 300 (fast) of every kind, good and bad, converts them in one run of
the real command line, and checks: every good input has its complete TEI file, every bad
input is reported on its own line, the summary and the exit code say that some failed, and
nothing else (no half-written or temporary file) is left in the output folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO
from lxml import etree

VARIANTS = REPO / "tests" / "fixtures" / "variants"

GOOD_MODERN = ("{n}. Telegram From the Embassy in Norway to the Department of State0\n"
               "{n}0. The Foreign Minister said the talks would open on June 3.1 He hopes "
               "for an early agreement.\nEllery\n"
               "- Source: Department of State, Central Files, 757.022/5–1260. Secret.↩\n"
               "- Not printed.↩")
GOOD_OLDER = ("Northeast Asian Affairs files, lot 60 D 330\n\nNo. {n}\nThe Secretary of State "
              "to the Embassy in Moscow1\n\nconfidential\n\nThe Department has no objection "
              "to the proposal of March 3.2\n\nDulles\n\n  1. Drafted by Kelley.\n"
              "  2. Not printed.")
BAD = {
    "empty": (b"", "the file is empty"),
    "blank": (b" \n\t\n", "the file is blank (whitespace only)"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary file"),
    "latin1": ("12. Caf\u00e9 society\nText.\n".encode("cp1252"), "not UTF-8 text"),
    "nul": (b"12. Memo From A to B\nText\x00here.\n", "U+0000 cannot appear in XML"),
    "title": (b"Just a sentence that ends.\nAnd another one.\n", "no recognisable title"),
}


def test_a_folder_with_bad_files_converts_the_good_and_reports_the_bad(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good: dict[Path, str] = {}
    bad: dict[Path, str] = {}
    kinds = sorted(BAD)
    for k in range(300):
        path = inputs / f"page{k:04d}.txt"
        if k % 10 == 3:
            data, message = BAD[kinds[(k // 10) % len(kinds)]]
            path.write_bytes(data)
            bad[path] = message
        elif k % 2:
            path.write_text(GOOD_MODERN.format(n=k + 1), encoding="utf-8")
            good[path] = f"frus-d{k + 1}.xml"
        else:
            path.write_text(GOOD_OLDER.format(n=k + 1), encoding="utf-8")
            good[path] = f"frus-d{k + 1}.xml"
    # A variant fixture of the older telegram layout, which carries no document number (d0).
    telegram = inputs / "telegram.txt"
    telegram.write_bytes((VARIANTS / "old_layout_telegram_b.txt").read_bytes())
    good[telegram] = "frus-d0.xml"
    out = tmp_path / "out"
    paths = sorted(inputs.iterdir())
    result = subprocess.run([sys.executable, "-m", "teikit.cli", "convert",
                             *map(str, paths), "-o", str(out)],
                            capture_output=True, text=True, check=False, cwd=REPO)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad)
    for path, message in bad.items():
        (line,) = [e for e in errors if e.startswith(f"error: {path}:")]
        assert message in line, line
    assert result.stderr.splitlines()[-1] == (
        f"converted {len(good)} of {len(paths)} files into {out}; {len(bad)} failed")
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(good.values())  # nothing else: no temporary files
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for name in written:
        root = etree.parse(str(out / name), parser).getroot()  # whole, well-formed files
        assert root.find(".//{http://www.tei-c.org/ns/1.0}div") is not None
