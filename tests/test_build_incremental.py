"""Incremental and parallel builds: nothing unchanged is rewritten; jobs do not change bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from edition_pages import make_pages

from teikit.build import MIN_DOCUMENTS_PER_JOB, BuildLayout, build_edition
from teikit.build_tasks import output_files
from teikit.cli import main


def snapshot(root: Path) -> dict[str, int]:
    """Every file under root/tei and root/build (hidden ones too) -> its mtime (ns)."""
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns
            for part in ("tei", "build") for p in sorted((root / part).rglob("*"))
            if p.is_file()}


def contents(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith(skip or "\0")}


def layout(tmp_path: Path) -> BuildLayout:
    return BuildLayout(tmp_path / "pages", tmp_path / "tei", tmp_path / "build")


def test_a_second_build_writes_nothing(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages", 4)
    first = build_edition(layout(tmp_path))
    assert first.ok and first.rendered == 4
    made = snapshot(tmp_path)
    assert first.files_written == len(made) - 2  # all but the two records (manifests)
    assert len(made) > 4 + 4 * len(output_files("x")) + 2  # TEI, outputs, css, index, more
    before = snapshot(tmp_path)
    second = build_edition(layout(tmp_path))
    assert second.ok
    assert (second.files_written, second.rendered, second.documents) == (0, 0, 4)
    assert snapshot(tmp_path) == before


def test_changing_one_page_rewrites_only_its_outputs(tmp_path: Path) -> None:
    pages = make_pages(tmp_path / "pages", 4)
    build_edition(layout(tmp_path))
    before = snapshot(tmp_path)
    text = pages[1].read_text(encoding="utf-8")
    pages[1].write_text(text.replace("Herter", "Herter (the Secretary)", 1), encoding="utf-8")
    report = build_edition(layout(tmp_path))
    # Its page, and the pages of its neighbours, whose previous/next links bear its title.
    assert report.ok and report.rendered == 3
    after = snapshot(tmp_path)
    changed = sorted(name for name in after if after[name] != before.get(name))
    doc = "frus1958-60v19-d2"
    neighbours = [f"build/frus1958-60v19-d{n}.html" for n in (1, 3)]
    expected = {f"tei/{doc}.xml", "tei/.teikit-manifest.json", "build/.teikit-build.json",
                "build/index.html", *(f"build/{f}" for f in output_files(doc)), *neighbours,
                f"build/.teikit-epub/{doc}.xhtml"}  # its EPUB chapter, made beside its page
    # The edition-wide files (volume files, the DTS tree) are made from every document.
    edition_wide = ("build/volumes/", "build/dts/", "build/epub/", "build/pagefind/",
                    "build/frus1958-60v19.html", "build/search.html")
    assert {n for n in changed if not n.startswith(edition_wide)} <= expected, changed
    others = [f"build/{f}" for f in output_files("frus1958-60v19-d4")] + \
        [f"build/{f}" for n in (1, 3) for f in output_files(f"frus1958-60v19-d{n}")
         if not f.endswith(".html")]
    assert all(after[f] == before[f] for f in others)
    # What must change did: the TEI, its page, its text; the title is in the index.
    assert {f"tei/{doc}.xml", f"build/{doc}.html", f"build/text/{doc}.text.txt",
            "build/index.html"} <= set(changed)


def test_a_stylesheet_change_renders_again(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    make_pages(tmp_path / "pages", 2)
    build_edition(layout(tmp_path))
    before = snapshot(tmp_path)
    monkeypatch.setattr("teikit.build.stylesheet_digest", lambda: "another")
    report = build_edition(layout(tmp_path))
    assert report.rendered == 2
    # Rendered again, but the bytes are the same: no per-document output is rewritten.
    after = snapshot(tmp_path)
    for doc in ("frus1958-60v19-d1", "frus1958-60v19-d2"):
        assert all(after[f"build/{f}"] == before[f"build/{f}"] for f in output_files(doc))


def test_a_deleted_output_is_made_again(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages", 2)
    build_edition(layout(tmp_path))
    (tmp_path / "build" / "text" / "frus1958-60v19-d1.text.txt").unlink()
    report = build_edition(layout(tmp_path))
    assert (report.rendered, report.files_written) == (1, 1)
    assert (tmp_path / "build" / "text" / "frus1958-60v19-d1.text.txt").is_file()


def run_build(root: Path, jobs: int) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "teikit.cli", "build", str(root / "pages"),
                           "--root", str(root), "--jobs", str(jobs)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def test_serial_and_parallel_builds_are_byte_identical(tmp_path: Path) -> None:
    count = 2 * MIN_DOCUMENTS_PER_JOB + 3  # enough for two workers
    roots = [tmp_path / "serial", tmp_path / "parallel"]
    for root in roots:
        make_pages(root / "pages", count - 6)
        make_pages(root / "pages" / "other", 6, volume=None, first=900)
        (root / "pages" / "broken.txt").write_bytes(b"")  # an error, reported in order
    serial, parallel = run_build(roots[0], 1), run_build(roots[1], 2)
    assert serial.returncode == parallel.returncode == 1, serial.stderr + parallel.stderr
    assert "Traceback" not in serial.stderr + parallel.stderr

    def lines(result: subprocess.CompletedProcess[str], root: Path) -> list[str]:
        text = result.stderr.replace(str(root), "ROOT")
        return [line for line in text.splitlines() if not line.startswith("built ")]

    assert lines(serial, roots[0]) == lines(parallel, roots[1])
    assert f"built {count} documents" in serial.stderr and f"built {count}" in parallel.stderr
    for part in ("tei", "build"):
        # Not compared: pagefind/, the search index Pagefind makes from the (identical) pages,
        # whose file names are its own and differ from run to run (so does the record of
        # them in .teikit-build.json), and epub/, whose zip entries carry the time.
        one, two = (contents(root / part, skip=("pagefind/", "epub/", ".teikit-build.json"))
                    for root in roots)
        assert sorted(one) == sorted(two)
        assert len(one) > count
        different = [name for name in one if one[name] != two[name]]
        assert not different, different
    records = [json.loads((root / "build" / ".teikit-build.json").read_bytes()) for root in roots]
    assert records[0]["documents"] == records[1]["documents"]
    assert records[0]["validated"] == records[1]["validated"]


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_findings_of_unchanged_tei_are_reused_until_the_tei_or_schemas_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_pages(tmp_path / "pages", 2)
    first = build_edition(layout(tmp_path))
    assert (first.validated, first.validation_findings) == (2, [])
    tei = tmp_path / "tei" / "frus1958-60v19-d1.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<p>", "<p><bogus/>", 1),
                   encoding="utf-8")
    edited = build_edition(layout(tmp_path))
    assert edited.validated == 1
    assert len(edited.validation_findings) == 1 and "bogus" in edited.validation_findings[0]
    again = build_edition(layout(tmp_path))
    assert again.validated == 0
    assert again.validation_findings == edited.validation_findings  # reported every time
    monkeypatch.setattr("teikit.build.schemas_digest", lambda: "other rules")
    assert build_edition(layout(tmp_path)).validated == 2


def test_the_record_is_streamed_as_one_compact_sorted_json(tmp_path: Path) -> None:
    from teikit.incremental import BUILD_MANIFEST_NAME, FORMAT, BuildManifest

    record = BuildManifest(
        tmp_path,
        {"d2": {"key": "k2", "files": {"b.html": "2", "a.xml": "1"}}, "d1": {"key": "k1",
                                                                           "files": {}}},
        {"x.xml": {"sha": "s", "findings": []}},
        {"site": {"key": "e", "files": ["index.html"]}},
    )
    assert record.save() is True
    written = (tmp_path / BUILD_MANIFEST_NAME).read_bytes()
    whole = {"format": FORMAT, "documents": record.entries, "validated": record.validated,
             "edition": record.edition}
    assert written == (json.dumps(whole, separators=(",", ":"), sort_keys=True) + "\n").encode()
    assert record.save() is False  # the same bytes: not written again
    assert BuildManifest.load(tmp_path).entries == record.entries
