"""Walk the built edition from index.html as a reader (or a crawler) would.

Every internal link must resolve (the file, and the #fragment in an HTML target), and every
file that `teikit build` writes must be reachable from index.html. Two folders are reached
as a whole: Pagefind's (the search page loads its script, the form's data-bundle, and that
script fetches the rest of the folder itself) and the static DTS tree (the index links its
entry point, whose URL templates a DTS client follows).

The walker is checked on a broken copy of the site too (an orphan file, a dangling link,
a missing fragment), so a pass means something.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import SEEDS
from lxml import html

from teikit.build import BuildLayout, build_edition

#: Folders reached as a whole from one file a page links: Pagefind's (its script fetches the
#: rest) and the static DTS tree's (a DTS client follows the entry point's templates).
BUNDLES = {"pagefind/pagefind.js": "pagefind", "dts/index.json": "dts"}


def walk(root: Path) -> tuple[set[Path], list[str]]:
    """Return the files reached from root/index.html and the problems met on the way."""
    reached: set[Path] = set()
    problems: list[str] = []
    queue = [root / "index.html"]
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(html.parse(str(page)).getroot().xpath("//@id"))
        return ids[page]

    while queue:
        page = queue.pop()
        if page in reached:
            continue
        reached.add(page)
        if page.suffix != ".html":
            continue
        tree = html.parse(str(page)).getroot()
        refs = tree.xpath("//a/@href | //link/@href | //script/@src | //form/@data-bundle")
        for ref in refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                continue  # history.state.gov, licences: not ours
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            where = f"{page.relative_to(root)}: {ref}"
            if not target.is_file():
                problems.append(f"{where} resolves to nothing")
                continue
            if parts.fragment and target.suffix == ".html" and \
                    unquote(parts.fragment) not in ids_of(target):
                problems.append(f"{where}: no element with that id")
            bundle = BUNDLES.get(str(target.relative_to(root.resolve())))
            if bundle:
                reached.update(p.resolve() for p in (root / bundle).rglob("*") if p.is_file())
            queue.append(target)
    return {p.resolve() for p in reached}, problems


def unreached(root: Path, reached: set[Path]) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and p.resolve() not in reached
                  and p.name != ".teikit-build.json"  # the build's record, not a page
                  and p.parent.name != ".teikit-epub")  # the workers' EPUB chapters, likewise


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(SEEDS, project / "seeds")
    report = build_edition(BuildLayout(project))
    assert report.ok, (report.errors, report.validation_findings)
    assert not [w for w in report.warnings if w.code == "search"], "Pagefind is missing"
    return project / "build"


def test_every_link_resolves_and_every_file_is_reached(built: Path) -> None:
    reached, problems = walk(built)
    assert problems == []
    assert unreached(built, reached) == []
    kinds = {p.suffix for p in reached}
    assert {".html", ".xml", ".bib", ".ris", ".json", ".txt", ".epub", ".css", ".js"} <= kinds


def test_an_edition_without_a_catalog_is_whole_too(tmp_path: Path) -> None:
    # No catalog: the documents have no volume (issue 9, "No catalog, no site").
    (tmp_path / "seeds").mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / "seeds" / seed.name)
    report = build_edition(BuildLayout(tmp_path))
    assert report.ok, (report.errors, report.validation_findings)
    built = tmp_path / "build"
    reached, problems = walk(built)
    assert problems == []
    assert unreached(built, reached) == []
    assert not (built / "epub").exists()
    index = html.parse(str(built / "index.html")).getroot()
    assert [" ".join(h.text_content().split()) for h in index.xpath("//main//h2")] == [
        "Documents without a volume"]


def test_the_walk_finds_orphans_dangling_links_and_missing_fragments(built: Path,
                                                                     tmp_path: Path) -> None:
    broken = tmp_path / "build"
    shutil.copytree(built, broken)
    (broken / "left-over.html").write_text("<p>no one links here</p>", encoding="utf-8")
    (broken / "text" / "frus1958-60v19-d352.text.txt").unlink()
    page = broken / "frus1958-60v19-d300.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="#notes"', 'href="#gone"'),
                    encoding="utf-8")
    reached, problems = walk(broken)
    assert "left-over.html" in unreached(broken, reached)
    assert any("text/frus1958-60v19-d352.text.txt resolves to nothing" in p for p in problems)
    assert any("frus1958-60v19-d300.html: #gone: no element with that id" in p
               for p in problems)
