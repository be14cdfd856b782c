"""Our CSL-JSON rendered by citeproc-js with the Chicago style, compared with our Chicago text.

The reference processor is citeproc-js (npm ``citeproc``) with the CSL project's
chicago-fullnote-bibliography style (npm ``@citation/csl-style-chicago-fullnote-bibliography``,
17th edition) and the en-US locale that ``@citation-js/plugin-csl`` ships; all pinned in
tests/js/package-lock.json and installed by ``npm ci`` (scripts/install-tools.sh), so nothing
is fetched at test time. tests/js/render-csl.js does the rendering.

citeproc-js and our Chicago text carry the same facts, but differ in three known ways:

1. Editors. The CSL style puts the editors of a chapter without an author in the author's
   place ("Harriet Dashiell Schwar, ed., “Telegram…,” in …"; four or more as "X et al., eds."
   in a note), while OH names them after the volume title ("…, China, ed. Harriet Dashiell
   Schwar (Washington: …").
2. Volume and series. The style adds the CSL volume and collection-title after the container
   title (", vol. XIX, Foreign Relations of the United States" in a note; "XIX:" before the
   pages and "Foreign Relations of the United States." in a bibliography entry); OH's container
   title already holds the series and the volume number.
3. Locator. CSL has no "Document N" locator for a chapter, so the style gives the pages,
   abbreviated in the CMOS 17 manner (721–23). OH cites "Document N" for volumes since 1955–57;
   for earlier volumes we give the pages in full (1261–1263), as CMOS 18 now recommends and as
   the TEI holds them.

test_citeproc_matches_our_chicago_exactly is therefore an xfail(strict=True): it fails for
these reasons today and the suite fails if it ever passes. test_citeproc_matches_our_chicago_
apart_from_known_differences takes exactly these three differences out, and nothing else.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, TEI_DIR, require_tool

from teikit.cite import cite_paths

JS = REPO / "tests" / "js"
FIXTURES = REPO / "tests" / "fixtures" / "cite"
SEED_TEI = sorted(TEI_DIR.glob("*.xml"))
KNOWN_DIFFERENCES = (
    "citeproc-js (Chicago 17th ed. CSL) puts the editors first, repeats the volume and the "
    "series after the container title, and gives abbreviated pages where OH cites Document N "
    "or full pages; see the module docstring")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """citeproc-js's note and bibliography entry for every seed and cite fixture, by item id."""
    node = require_tool("node")
    if not (JS / "node_modules" / "citeproc").is_dir():
        message = "tests/js/node_modules is missing; run `npm ci` in tests/js"
        if os.environ.get("TEIKIT_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    items = tmp_path_factory.mktemp("csl") / "items.json"
    items.write_text(cite_paths(SEED_TEI + sorted(FIXTURES.glob("*.xml")), "csl-json"),
                     encoding="utf-8")
    done = subprocess.run([node, str(JS / "render-csl.js"), str(items)], cwd=JS,
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def item_of(path: Path) -> dict:
    [item] = json.loads(cite_paths([path], "csl-json"))
    return item


def join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def ours_without_known_differences(path: Path, form: str) -> str:
    item = item_of(path)
    text = cite_paths([path], "chicago", form=form).rstrip("\n")
    names = join_names([f"{e['given']} {e['family']}" for e in item["editor"]])
    label = "eds." if len(item["editor"]) > 1 else "ed."
    locator = text.split(", ")[-2] if form == "note" else None
    if form == "note":
        text = text.replace(f", {label} {names} (", " (", 1)  # 1. editors
        text = text.replace(f"), {locator}, ", "), LOCATOR, ", 1)  # 3. locator
    else:
        text = text.replace(f", edited by {names}, ", ", ", 1)  # 1. editors
        text = re.sub(r", (Document \d+|\d+–\d+)\. ", ", LOCATOR. ", text, count=1)  # 3.
    return text


def citeproc_without_known_differences(path: Path, rendered_text: str, form: str) -> str:
    item = item_of(path)
    text = re.sub(r"^.*?, eds?\.,? (?=“)", "", rendered_text, count=1)  # 1. editors
    volume, series = item["volume"], item["collection-title"]
    if form == "note":
        text = text.replace(f", vol. {volume}, {series} (", " (", 1)  # 2. volume and series
        text = re.sub(r"\), \d+–\d+, ", "), LOCATOR, ", text, count=1)  # 3. locator
    else:
        text = re.sub(rf", {re.escape(volume)}:(\d+–\d+)\. {re.escape(series)}\. ",
                      r", \1. ", text, count=1)  # 2. volume and series
        text = re.sub(r", \d+–\d+\. ", ", LOCATOR. ", text, count=1)  # 3. locator
    return text


@pytest.mark.parametrize("form", ["note", "bibliography"])
@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_citeproc_matches_our_chicago_apart_from_known_differences(
        path: Path, form: str, rendered: dict[str, dict[str, str]]) -> None:
    theirs = citeproc_without_known_differences(path, rendered[path.stem][form], form)
    assert "LOCATOR" in theirs
    assert theirs == ours_without_known_differences(path, form)


@pytest.mark.xfail(strict=True, reason=KNOWN_DIFFERENCES)
@pytest.mark.parametrize("form", ["note", "bibliography"])
@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_citeproc_matches_our_chicago_exactly(
        path: Path, form: str, rendered: dict[str, dict[str, str]]) -> None:
    assert rendered[path.stem][form] == cite_paths([path], "chicago", form=form).rstrip("\n")


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_citeproc_renders_every_fact_we_give(
        path: Path, rendered: dict[str, dict[str, str]]) -> None:
    item = item_of(path)
    note = rendered[path.stem]["note"]
    bibliography = rendered[path.stem]["bibliography"]
    year = item["issued"]["date-parts"][0][0]
    assert f"“{item['title']},” in {item['container-title']}" in note
    assert f"({item['publisher-place']}: {item['publisher']}, {year})" in note
    assert note.endswith(f", {item['URL']}.")
    first = item["editor"][0]
    assert bibliography.startswith(f"{first['family']}, {first['given']}")
    assert f"{item['publisher-place']}: {item['publisher']}, {year}. " in bibliography
    assert bibliography.endswith(f". {item['URL']}.")


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.xml")), ids=lambda p: p.stem)
def test_citeproc_renders_the_fixtures(
        fixture: Path, rendered: dict[str, dict[str, str]]) -> None:
    item = item_of(fixture)
    result = rendered[item["id"]]
    # Nested quotes turned single, as ours; the style title-cases words ("‘Quoted’").
    title = item["title"].replace("“", "‘").replace("”", "’")
    assert title.casefold() in result["note"].casefold()
    assert result["bibliography"]
