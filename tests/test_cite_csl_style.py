"""teikit's own CSL style, csl/teikit-frus.csl: valid CSL, shipped, and usable with pandoc.

- Valid against the CSL schema, as Zotero's style tools check it: the RELAX NG schema of CSL
  run by rnv (npm ``csl-validator-wasm``, pinned in tests/js/package-lock.json; see
  tests/js/validate-csl.mjs). A style with an unknown variable is reported, so the check can
  fail.
- ``pandoc --citeproc`` (Debian's pandoc, its own CSL processor written in Haskell, not
  citeproc-js) with the style renders exactly our Chicago note (as a footnote) and bibliography
  entry for every seed and cite fixture (but one known disagreement between the processors,
  below). (citeproc-js: tests/test_cite_citeproc.py.)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, TEI_DIR, require_tool

from teikit.cite import cite_paths, csl_style_path

JS = REPO / "tests" / "js"
FIXTURES = REPO / "tests" / "fixtures" / "cite"
DOCUMENTS = sorted(TEI_DIR.glob("*.xml")) + sorted(FIXTURES.glob("*.xml"))


def validate(paths: list[Path]) -> dict[str, str]:
    node = require_tool("node")
    if not (JS / "node_modules" / "csl-validator-wasm").is_dir():
        message = "tests/js/node_modules is missing; run `npm ci` in tests/js"
        if os.environ.get("TEIKIT_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([node, str(JS / "validate-csl.mjs"), *map(str, paths)], cwd=JS,
                          capture_output=True, text=True, check=False, timeout=120)
    # rnv's exit status is not an error of ours: an invalid style ends it non-zero
    assert done.stdout.startswith("{"), done.stderr
    return json.loads(done.stdout)


def test_style_is_shipped_at_the_top_of_the_repository() -> None:
    assert csl_style_path() == REPO / "csl" / "teikit-frus.csl"
    assert csl_style_path().is_file()


def test_style_is_valid_csl() -> None:
    path = csl_style_path()
    assert validate([path]) == {str(path): ""}


def test_validator_reports_an_invalid_style(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text(csl_style_path().read_text(encoding="utf-8").replace(
        '<text variable="page"/>', '<text variable="pages"/>'), encoding="utf-8")
    [messages] = validate([broken]).values()
    assert 'invalid value "pages"' in messages


@pytest.fixture(scope="module")
def pandoc_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """pandoc's footnotes (one citation per paragraph) and bibliography paragraphs."""
    pandoc = require_tool("pandoc")
    tmp = tmp_path_factory.mktemp("pandoc")
    items = json.loads(cite_paths(DOCUMENTS, "csl-json"))
    for number, item in enumerate(items):  # contract fixtures share the ids of seeds
        item["id"] = f"item{number}"
    (tmp / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    body = "\n\n".join(f"Cited.[@{item['id']}]" for item in items)
    (tmp / "doc.md").write_text(body + "\n\n# References\n", encoding="utf-8")
    done = subprocess.run(
        [pandoc, "doc.md", "--citeproc", "--bibliography=items.json",
         f"--csl={csl_style_path()}", "-t", "plain", "--wrap=none"],
        cwd=tmp, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    paragraphs = [p.strip() for p in done.stdout.split("\n\n") if p.strip()]
    notes = [re.sub(r"^\[\d+\] ", "", p) for p in paragraphs if re.match(r"\[\d+\] ", p)]
    start = paragraphs.index("References") + 1
    entries = [p for p in paragraphs[start:] if not re.match(r"\[\d+\] ", p)]
    assert len(notes) == len(items) and len(entries) == len(items)
    return notes, entries


#: The processors disagree on one point: after a title that ends in punctuation (. ? ! :),
#: pandoc's citeproc drops the comma of a note ("“Why Not …?” in"), citeproc-js (Zotero's
#: processor) keeps it ("“Why Not …?,” in"), and so does our text. (pandoc also capitalizes the
#: first letter of a note, which matters only for a title in lower case.)
QUESTION_MARK = pytest.mark.xfail(
    strict=True, reason="pandoc's citeproc drops a note's comma after a title's question mark; "
    "citeproc-js and our text keep it")


@pytest.mark.parametrize("index", [
    pytest.param(i, id=p.stem, marks=[QUESTION_MARK] if p.stem.endswith("question-mark") else [])
    for i, p in enumerate(DOCUMENTS)])
def test_pandoc_renders_our_chicago_note(index: int,
                                        pandoc_output: tuple[list[str], list[str]]) -> None:
    notes, _ = pandoc_output
    expected = cite_paths([DOCUMENTS[index]], "chicago").rstrip("\n")
    assert notes[index] == expected


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_pandoc_renders_our_chicago_bibliography_entry(
        path: Path, pandoc_output: tuple[list[str], list[str]]) -> None:
    _, entries = pandoc_output
    expected = cite_paths([path], "chicago", form="bibliography").rstrip("\n")
    assert expected in entries
