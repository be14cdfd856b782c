"""Outputs of an earlier build that this build no longer makes are removed, when they still
hold what teikit wrote; a file a person changed since is kept, with a warning naming it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from edition_pages import make_pages

from teikit.build import BuildLayout, BuildReport, build_edition
from teikit.incremental import BUILD_MANIFEST_NAME

GONE = "frus1958-60v19-d2"


def layout(root: Path) -> BuildLayout:
    return BuildLayout(root / "pages", root / "tei", root / "build")


def outputs_of(build: Path, doc: str) -> list[str]:
    """Every file under build/ that belongs to document ``doc`` alone, by its name."""
    mine = re.compile(rf"(^|/){re.escape(doc)}([./;]|$)")
    return sorted(p.relative_to(build).as_posix() for p in build.rglob("*")
                  if p.is_file() and mine.search(p.relative_to(build).as_posix()))


def codes(report: BuildReport, code: str) -> list[str]:
    return [p.path for p in report.warnings if p.code == code]


def test_the_outputs_of_a_removed_page_are_removed(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 4)
    build = tmp_path / "build"
    first = build_edition(layout(tmp_path))
    assert first.ok
    theirs = outputs_of(build, GONE)
    kinds = {name.split("/")[0] if "/" in name else name.rsplit(".", 1)[-1] for name in theirs}
    assert {"html", "xml", "bib", "text", "page-text", "dts", ".teikit-epub"} <= kinds, kinds
    others = {d: outputs_of(build, d) for d in ("frus1958-60v19-d1", "frus1958-60v19-d3")}
    pages[1].unlink()
    second = build_edition(layout(tmp_path))
    assert second.ok, [str(p) for p in second.errors]
    assert outputs_of(build, GONE) == []
    assert second.files_removed == len(theirs)
    assert not (build / "dts" / "document" / GONE).exists(), "its emptied folder stays"
    assert {d: outputs_of(build, d) for d in others} == others
    assert codes(second, "kept-output") == []
    record = json.loads((build / BUILD_MANIFEST_NAME).read_bytes())
    assert GONE not in record["documents"]
    third = build_edition(layout(tmp_path))
    assert (third.files_removed, third.files_written, third.rendered) == (0, 0, 0), [
        str(p) for p in third.warnings]


def test_a_changed_output_is_kept_and_named(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 4)
    build = tmp_path / "build"
    build_edition(layout(tmp_path))
    edited = build / f"{GONE}.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- my note -->", encoding="utf-8")
    theirs = outputs_of(build, GONE)
    pages[1].unlink()
    report = build_edition(layout(tmp_path))
    assert outputs_of(build, GONE) == [f"{GONE}.html"]
    assert "my note" in edited.read_text(encoding="utf-8")
    assert codes(report, "kept-output") == [str(edited)]
    assert report.files_removed == len(theirs) - 1
    again = build_edition(layout(tmp_path))  # reported once: the record forgets it
    assert codes(again, "kept-output") == [] and edited.is_file()


def test_a_renumbered_document_leaves_no_outputs_under_its_old_number(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages", 4)
    build = tmp_path / "build"
    build_edition(layout(tmp_path))
    catalog = tmp_path / "pages" / "catalog.toml"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('"page-00002.txt"]\nvolume = "frus1958-60v19"\nnumber = 2',
                                    '"page-00002.txt"]\nvolume = "frus1958-60v19"\nnumber = 9'),
                       encoding="utf-8")
    report = build_edition(layout(tmp_path))
    assert report.ok, [str(p) for p in report.errors]
    assert outputs_of(build, GONE) == []
    assert (build / "frus1958-60v19-d9.html").is_file()


def test_a_page_that_fails_now_keeps_its_earlier_outputs(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 4)
    build = tmp_path / "build"
    build_edition(layout(tmp_path))
    theirs = outputs_of(build, GONE)
    pages[1].write_bytes(b"")  # refused: an empty file
    report = build_edition(layout(tmp_path))
    assert not report.ok
    assert outputs_of(build, GONE) == theirs
    assert report.files_removed == 0


def test_an_output_a_person_changed_is_not_overwritten(tmp_path: Path) -> None:
    # The page's TEI changes (here by a change of its page text), so its outputs are made
    # again; the HTML page a person edited meanwhile is kept and named, the rest rewritten.
    pages = make_pages(tmp_path / "pages", 3)
    build = tmp_path / "build"
    assert build_edition(layout(tmp_path)).ok
    page = build / f"{GONE}.html"
    edited = page.read_bytes().replace(b"</body>", b"<!-- the editor's own line --></body>")
    page.write_bytes(edited)
    text_before = (build / "text" / f"{GONE}.text.txt").read_bytes()
    source = pages[1]
    source.write_text(source.read_text(encoding="utf-8") + "\n\nA line added later.\n",
                      encoding="utf-8")
    second = build_edition(layout(tmp_path))
    assert page.read_bytes() == edited
    assert codes(second, "kept-output") == [str(page)]
    assert (build / "text" / f"{GONE}.text.txt").read_bytes() != text_before, "the others follow"
    # Deleting the edited file lets teikit write it again.
    page.unlink()
    third = build_edition(layout(tmp_path))
    assert codes(third, "kept-output") == []
    assert b"A line added later." in page.read_bytes()
