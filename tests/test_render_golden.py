"""Golden files of the reading outputs (html, text, page-text) for every seed document.

The files in tests/golden/<output>/ are written by the code itself: run
``pytest tests/test_render_golden.py --update-golden`` (or UPDATE_GOLDEN=1), then review the
diff. Seeds: tests/golden/<output>/<TEI id>.<extension>; the edition index of the five seeds:
tests/golden/html-index/index.html; the hand-written body fixture:
tests/golden/<output>/fixtures/all-body-features.<extension>.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, SEED_IDS, TEI_DIR

from teikit.render import RENDER_OUTPUTS, read_tei, render_document
from teikit.transform import OUTPUTS, transform

GOLDEN = REPO / "tests" / "golden"
FIXTURE = REPO / "tests" / "fixtures" / "render" / "all-body-features.xml"


def seed_tei(tei_id: str) -> Path:
    path = TEI_DIR / f"{tei_id}.xml"
    if not path.is_file():
        pytest.fail(f"{path} is missing; make it with `teikit convert seeds/*.txt -o tei/`")
    return path


def check_golden(actual: str, golden: Path, update: bool) -> None:
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
        return
    assert golden.is_file(), f"{golden} is missing; run pytest with --update-golden and review it"
    expected = golden.read_bytes().decode("utf-8")
    assert actual == expected, (
        f"the output differs from {golden}; if the change is intended, rerun with "
        "--update-golden and review the diff")


@pytest.mark.parametrize("output", RENDER_OUTPUTS)
@pytest.mark.parametrize("tei_id", SEED_IDS)
def test_seed_output_matches_golden(tei_id: str, output: str, update_golden: bool) -> None:
    actual = render_document(read_tei(seed_tei(tei_id)), output)
    golden = GOLDEN / output / f"{tei_id}.{OUTPUTS[output].extension}"
    check_golden(actual, golden, update_golden)


@pytest.mark.parametrize("output", RENDER_OUTPUTS)
def test_fixture_output_matches_golden(output: str, update_golden: bool) -> None:
    actual = render_document(read_tei(FIXTURE), output)
    golden = GOLDEN / output / "fixtures" / f"{FIXTURE.stem}.{OUTPUTS[output].extension}"
    check_golden(actual, golden, update_golden)


def test_index_matches_golden(update_golden: bool) -> None:
    roots = [read_tei(seed_tei(tei_id)) for tei_id in SEED_IDS]
    from lxml import etree

    from teikit.facts import facts_of, facts_xml  # the index is made from facts (issue 10)

    facts = facts_xml([facts_of(root) for root in roots])
    actual = transform(etree.tostring(facts, encoding="utf-8"), "html-index",
                       {"edition-title": "A teikit edition"})
    check_golden(actual, GOLDEN / "html-index" / "index.html", update_golden)


@pytest.mark.parametrize("output", RENDER_OUTPUTS)
def test_no_stale_golden_files(output: str) -> None:
    extension = OUTPUTS[output].extension
    wanted = {f"{tei_id}.{extension}" for tei_id in SEED_IDS}
    present = {p.name for p in (GOLDEN / output).glob(f"*.{extension}")}
    assert present <= wanted, f"golden files without a seed: {sorted(present - wanted)}"


def test_rendering_is_deterministic() -> None:
    root = read_tei(seed_tei("frus1952-54v14p1-d50"))
    for output in RENDER_OUTPUTS:
        assert render_document(root, output) == render_document(root, output)
