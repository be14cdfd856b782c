"""A problem that says the same of every input of a volume is reported once per batch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO

from teikit.errors import Problem, fold_repeats


def _facts(path: str, volume: str = "frus1961-63v05") -> Problem:
    return Problem(path, None, f"no catalog fully describes volume {volume}", "describe it",
                   "volume-facts", severity="warning")


def test_repeats_fold_into_the_first_with_a_count() -> None:
    other = Problem("b.txt", 3, "a note without marker", "", "note-unanchored", severity="warning")
    folded = fold_repeats([_facts("a.txt"), other, _facts("b.txt"), _facts("c.txt"),
                           _facts("d.txt", "frus1958-60v19")])
    assert [p.path for p in folded] == ["a.txt", "b.txt", "d.txt"]
    assert folded[0].message.endswith("(and 2 more inputs)")
    assert folded[1] is other
    assert folded[2] == _facts("d.txt", "frus1958-60v19")


def test_other_codes_are_never_folded() -> None:
    same = [Problem(f"{n}.txt", 1, "same words", "", "page-sequence", severity="warning")
            for n in "abc"]
    assert fold_repeats(same) == same


def test_a_folder_without_catalog_says_it_once(tmp_path: Path) -> None:
    pages = tmp_path / "frus1961-63v05"
    pages.mkdir()
    for n, seed in enumerate(sorted((REPO / "seeds").glob("00[0-2]_*.txt")), start=1):
        (pages / f"d{n}.txt").write_bytes(seed.read_bytes())
    run = subprocess.run(
        [sys.executable, "-m", "teikit.cli", "convert", *sorted(map(str, pages.glob("*.txt"))),
         "-o", str(tmp_path / "tei")],
        capture_output=True, text=True, check=False,
    )
    lines = [line for line in run.stderr.splitlines() if "no catalog fully describes" in line]
    assert len(lines) == 1, run.stderr
    assert "(and 2 more inputs)" in lines[0]
