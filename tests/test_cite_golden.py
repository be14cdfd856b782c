"""Golden files of every citation format, for every seed document and every cite fixture.

The golden files in tests/golden/cite/ are written by the code itself: run
``pytest tests/test_cite_golden.py --update-golden`` (or UPDATE_GOLDEN=1), then review the
diff. Seeds: tests/golden/cite/<TEI id>.<suffix>; fixtures: tests/golden/cite/fixtures/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, SEED_IDS, TEI_DIR

from teikit.cite import cite_paths

GOLDEN = REPO / "tests" / "golden" / "cite"
FIXTURES = REPO / "tests" / "fixtures" / "cite"

#: suffix of the golden file -> (format, Chicago form)
OUTPUTS = {
    "note.txt": ("chicago", "note"),
    "bibliography.txt": ("chicago", "bibliography"),
    "bib": ("bibtex", "note"),
    "ris": ("ris", "note"),
    "json": ("csl-json", "note"),
}

FIXTURE_FILES = sorted(FIXTURES.glob("*.xml"))


def seed_tei(tei_id: str) -> Path:
    path = TEI_DIR / f"{tei_id}.xml"
    if not path.is_file():
        pytest.fail(f"{path} is missing; make it with `teikit convert seeds/*.txt -o tei/`")
    return path


def check_golden(source: Path, golden: Path, fmt: str, form: str, update: bool) -> None:
    actual = cite_paths([source], fmt, form=form)
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.is_file(), f"{golden} is missing; run pytest with --update-golden and review it"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{fmt} citation of {source.name} differs from {golden}; if the change is intended, "
        "rerun with --update-golden and review the diff")


@pytest.mark.parametrize("suffix", sorted(OUTPUTS))
@pytest.mark.parametrize("tei_id", SEED_IDS)
def test_seed_citation_matches_golden(tei_id: str, suffix: str, update_golden: bool) -> None:
    fmt, form = OUTPUTS[suffix]
    check_golden(seed_tei(tei_id), GOLDEN / f"{tei_id}.{suffix}", fmt, form, update_golden)


@pytest.mark.parametrize("suffix", sorted(OUTPUTS))
@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_citation_matches_golden(fixture: Path, suffix: str,
                                         update_golden: bool) -> None:
    fmt, form = OUTPUTS[suffix]
    check_golden(fixture, GOLDEN / "fixtures" / f"{fixture.stem}.{suffix}", fmt, form,
                 update_golden)


def test_every_golden_file_has_a_source() -> None:
    """A golden file left behind by a renamed seed or fixture is an error, not dead weight."""
    expected = {f"{i}.{s}" for i in SEED_IDS for s in OUTPUTS}
    expected |= {f"fixtures/{p.stem}.{s}" for p in FIXTURE_FILES for s in OUTPUTS}
    present = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert present <= expected, f"golden files without a source: {sorted(present - expected)}"
