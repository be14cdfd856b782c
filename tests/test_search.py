"""The search index (teikit.search): Pagefind over the document pages, swapped in whole.

What a reader gets from it in the browser (words found, years filtered, results grouped by
volume) is tested in tests/test_html_browser.py; here: what is indexed, and the faults."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import SEED_IDS, TEI_DIR
from test_html_browser import DevTools
from test_html_browser import browser as browser  # the fixture, for the search page test

from teikit import search
from teikit.facts import facts_of
from teikit.render import read_tei, render_paths
from teikit.search import SearchError, SearchUnavailable, write_search_index
from teikit.site import site_params_for, write_site_pages


def _site(out: Path) -> Path:
    paths = [TEI_DIR / f"{tei_id}.xml" for tei_id in SEED_IDS]
    edition = [facts_of(read_tei(p)) for p in paths]
    assert render_paths(paths, "html", out, per_document=site_params_for(edition)).ok
    write_site_pages(edition, out)
    return out


@pytest.fixture
def site(tmp_path: Path) -> Path:
    if search.pagefind_binary() is None:
        pytest.fail("Pagefind is missing: install teikit with its test extra (pip install "
                    "-e '.[test]')")
    return _site(tmp_path / "site")


def test_the_document_pages_are_indexed_and_nothing_else(site: Path) -> None:
    written = write_search_index(site)
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and bundle / "pagefind.js" in written
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    # five document pages; the index, volume and search pages carry no data-pagefind-body
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(SEED_IDS)
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []


def test_a_second_run_replaces_the_bundle_whole(site: Path) -> None:
    write_search_index(site)
    stale = site / "pagefind" / "stale.txt"
    stale.write_text("from an older run", encoding="utf-8")
    write_search_index(site)
    assert not stale.exists()
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_without_pagefind_it_says_what_to_install(site: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "pagefind_binary", lambda: None)
    with pytest.raises(SearchUnavailable, match=r"pip install 'teikit\[search\]'"):
        write_search_index(site)
    assert not (site / "pagefind").exists()


def test_a_failing_run_keeps_the_old_index_and_leaves_no_litter(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_search_index(site)
    before = sorted(p.relative_to(site) for p in (site / "pagefind").rglob("*"))
    failing = tmp_path / "pagefind-fails"
    failing.write_text("#!/bin/sh\necho 'error: out of disk' >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setattr(search, "pagefind_binary", lambda: failing)
    with pytest.raises(SearchError, match="Pagefind failed: error: out of disk"):
        write_search_index(site)
    assert sorted(p.relative_to(site) for p in (site / "pagefind").rglob("*")) == before
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []


def test_pagefind_runs_while_the_caller_works_and_a_cancel_leaves_nothing(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """start_search_index returns while Pagefind still runs (a build writes its volume
    files and books meanwhile); cancelling stops it and removes its unfinished bundle."""
    slow = tmp_path / "pagefind-slow"
    slow.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(search, "pagefind_binary", lambda: slow)
    run = search.start_search_index(site)
    for _ in range(100):  # the run starts in a thread of its own
        if run.process is not None:
            break
        time.sleep(0.05)
    process = run.process
    assert process is not None and process.poll() is None  # still running, we are back
    assert [p.name for p in site.iterdir() if p.name.startswith(".pagefind-")] != []
    run.cancel()
    assert process.poll() is not None
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(SearchError, match="stopped"):
        run.finish()


def test_a_large_edition_is_indexed_in_parts_that_the_search_page_merges(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More pages than PAGES_PER_INDEX: one Pagefind run per part (its memory bounded by
    the part), the first the bundle, the others in more/, listed for the search page."""
    pages = sorted(f"{tei_id}.html" for tei_id in SEED_IDS)
    assert search.index_globs(pages) == ["*.html"]  # one run, as for any edition this small
    monkeypatch.setattr(search, "PAGES_PER_INDEX", 2)
    globs = search.index_globs(pages)
    assert globs == ["{" + ",".join(pages[k:k + 2]) + "}" for k in (0, 2, 4)]
    assert search.index_globs([*pages, "odd{name}.html"]) == ["*.html"]  # not nameable
    write_search_index(site, pages)
    bundle = site / "pagefind"
    listed = json.loads((bundle / "teikit-indexes.json").read_text(encoding="utf-8"))
    assert listed == ["more/1/", "more/2/"]
    counts = []
    for folder in (bundle, bundle / "more" / "1", bundle / "more" / "2"):
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts.append(sum(lang["page_count"] for lang in entry["languages"].values()))
    assert counts == [2, 2, 1]
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []


def test_the_search_page_searches_every_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             browser: DevTools) -> None:
    """An edition indexed in three parts finds in the browser every document one index
    finds (tests/test_html_browser.py), across volumes and parts, and filters by years.

    A limit of parts, shown here: Pagefind answers each part on its own, and a part that
    lacks the word offers its nearest words instead, so the merged answer may hold more
    documents than one index would (here d183, which has no word like it)."""
    import shutil

    from conftest import REPO
    from test_html_browser import _search, serving

    from teikit.build import BuildLayout, build_edition

    monkeypatch.setattr(search, "PAGES_PER_INDEX", 2)
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    assert build_edition(BuildLayout(tmp_path)).ok
    edition = tmp_path / "build"
    assert (edition / "pagefind" / "more" / "2" / "pagefind.js").is_file()
    with serving(edition) as base:
        words = _search(browser, base, "psychological")
        years = _search(browser, base, "", "1954", "1955")
    assert words["problems"] == [] and years["problems"] == []
    found = {h for g in words["groups"] for h in g["hits"]}
    assert {"frus1952-54v14p1-d50.html", "frus1958-60v19-d352.html"} <= found  # 2 parts
    assert found - {"frus1952-54v14p1-d50.html", "frus1958-60v19-d352.html"} <= {
        "frus1952-54v14p1-d183.html", "frus1958-60v19-d300.html"}  # the part without it
    assert [g["hits"] for g in years["groups"]] == [["frus1952-54v08-d632.html"]]
