"""`teikit build` (the main job) and `teikit serve`."""

from __future__ import annotations

import re
import shutil
import threading
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from conftest import SEEDS, TEI_DIR
from edition_pages import make_pages, volume_table
from lxml import html

from teikit.cli import main
from teikit.serve import make_server

#: An editor's tagging: a person named by an authority's address.
NAME = "<persName ref='https://example.org/persons/khrushchev'>"


def reachable(site: Path) -> set[str]:
    """The local pages reachable from the site's index in at most two links (index ->
    volume page -> document page); every local link on the way must resolve."""
    seen: set[str] = set()
    frontier = ["index.html"]
    for _ in range(2):
        following = []
        for name in frontier:
            page = html.parse(str(site / name)).getroot()
            for href in page.xpath("//a/@href | //link/@href"):
                href = href.split("#")[0]
                if not href or "://" in href or href in seen:
                    continue
                assert (site / href).is_file(), f"{name} links to missing {href}"
                seen.add(href)
                if href.endswith(".html"):
                    following.append(href)
        frontier = following
    return seen


def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def test_build_makes_tei_and_the_whole_edition(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "built 5 documents (13 notes, 17 page breaks)" in result.output
    made = sorted(p.name for p in (root / "tei").glob("*.xml"))
    assert made == sorted(p.name for p in TEI_DIR.glob("*.xml"))
    for name in made:
        assert (root / "tei" / name).read_bytes() == (TEI_DIR / name).read_bytes()
        stem = name[:-4]
        for suffix in (".html", ".xml", ".bib", ".ris", ".json"):
            assert (root / "build" / f"{stem}{suffix}").is_file(), stem + suffix
        assert (root / "build" / "text" / f"{stem}.text.txt").is_file()
        assert (root / "build" / "page-text" / f"{stem}.page.txt").is_file()
        assert (root / "build" / f"{stem}.xml").read_bytes() == (TEI_DIR / name).read_bytes()
    assert (root / "build" / "teikit.css").is_file()
    assert {f"{n[:-4]}.html" for n in made} <= reachable(root / "build")
    assert not (root / "build" / "teikit-corpus.xml").exists()  # ids repeat across volumes


def test_every_file_build_writes_passes_validate(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert CliRunner().invoke(main, ["build", "--root", str(root)]).exit_code == 0
    result = CliRunner().invoke(main, ["validate", str(root / "build")])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ files checked: 0 errors", result.output), result.output


def test_a_folder_of_pages_without_catalog_gives_a_complete_site(tmp_path: Path) -> None:
    pages = tmp_path / "my pages"
    make_pages(pages, 3, volume=None)
    result = CliRunner().invoke(main, ["build", str(pages), "--tei", str(tmp_path / "t"),
                                       "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert "built 3 documents" in result.output
    assert sorted(p.name for p in (tmp_path / "t").glob("*.xml")) == \
        ["frus-d1.xml", "frus-d2.xml", "frus-d3.xml"]
    assert {"frus-d1.html", "frus-d2.html", "frus-d3.html"} <= reachable(tmp_path / "site")
    validated = CliRunner().invoke(main, ["validate", str(tmp_path / "site")])
    assert validated.exit_code == 0, validated.output


def test_two_volumes_with_the_same_numbers_in_sub_folders(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages" / "a", 2, volume="frus1958-60v19")
    make_pages(tmp_path / "pages" / "b", 2, volume="frus1961-63v05")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "pages"), "--root",
                                       str(tmp_path)])
    assert result.exit_code == 0, result.output
    ids = sorted(p.stem for p in (tmp_path / "tei").glob("*.xml"))
    assert ids == ["frus1958-60v19-d1", "frus1958-60v19-d2", "frus1961-63v05-d1",
                   "frus1961-63v05-d2"]
    assert {"frus1958-60v19.html", "frus1961-63v05.html", *(f"{i}.html" for i in ids)} <= \
        reachable(tmp_path / "build")
    validated = CliRunner().invoke(main, ["validate", str(tmp_path / "build")])
    assert validated.exit_code == 0, validated.output
    assert re.search(r"\d+ files checked: 0 errors", validated.output), validated.output


def test_build_fails_and_says_why_when_a_seed_is_bad(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "seeds" / "broken.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1
    assert "broken.txt: the file is empty" in result.output
    assert "built 5 documents" in result.output


def test_build_reports_two_seeds_that_make_the_same_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    seed = root / "seeds" / "000_3a03024524f4be47.txt"
    (root / "seeds" / "zzz_copy.txt").write_bytes(seed.read_bytes())
    with (root / "seeds" / "catalog.toml").open("a", encoding="utf-8") as catalog:
        catalog.write('\n[documents."zzz_copy.txt"]\nvolume = "frus1958-60v19"\n'
                      "number = 352\nfirst_page = 721\n")
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1
    assert "zzz_copy.txt: gives the same id frus1958-60v19-d352" in result.output


def test_build_without_seeds_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert "seeds: no such folder" in result.output


def test_serve_answers_on_localhost(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    server = make_server(tmp_path, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/index.html"
        with urllib.request.urlopen(url, timeout=5) as response:
            assert response.status == 200
            assert b"<title>x</title>" in response.read()
    finally:
        server.shutdown()
        server.server_close()


def test_pages_in_the_project_folder_itself_are_not_mixed_with_the_outputs(
        tmp_path: Path) -> None:
    make_pages(tmp_path, 3)
    for _ in range(2):  # the second build finds build/page-text/*.page.txt: not inputs
        result = CliRunner().invoke(main, ["build", str(tmp_path), "--root", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert "built 3 documents" in result.output
        assert "stale" not in result.output


def test_a_page_moved_to_another_volume_leaves_its_old_tei_reported(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    make_pages(pages, 2)
    assert CliRunner().invoke(main, ["build", str(pages), "--root", str(tmp_path)]).exit_code \
        == 0
    catalog = pages / "catalog.toml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'volume = "frus1958-60v19"\nnumber = 2', 'volume = "frus1961-63v05"\nnumber = 2')
        + volume_table("frus1961-63v05"), encoding="utf-8")
    for _ in range(2):  # reported on every build until the editor deletes the old file
        result = CliRunner().invoke(main, ["build", str(pages), "--root", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / "tei" / "frus1961-63v05-d2.xml").is_file()
        stale = [line for line in result.output.splitlines() if "no page text" in line]
        assert len(stale) == 1 and "frus1958-60v19-d2.xml" in stale[0], result.output


def test_a_catalog_given_on_the_command_line_names_the_volume(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages", 2)
    (tmp_path / "pages" / "catalog.toml").rename(tmp_path / "elsewhere.toml")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "pages"), "--root",
                                       str(tmp_path), "--catalog",
                                       str(tmp_path / "elsewhere.toml")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == \
        ["frus1958-60v19-d1.xml", "frus1958-60v19-d2.xml"]


def test_a_bad_catalog_stops_the_build_before_any_page_is_read(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages", 2)
    (tmp_path / "bad.toml").write_text("[volumes.x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "pages"), "--root",
                                       str(tmp_path), "--catalog", str(tmp_path / "bad.toml")])
    assert result.exit_code == 2
    assert "bad.toml" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "tei").exists()


def test_the_editors_journey_pages_edit_second_volume_rebuild(tmp_path: Path) -> None:
    """Pages without a catalog -> build -> edit a TEI -> a second volume whose numbers clash
    -> build: the edit is kept, both volumes are in the index, build/ validates."""
    run = CliRunner()
    make_pages(tmp_path / "pages", 2, volume=None)
    assert run.invoke(main, ["build", str(tmp_path / "pages"), "--root", str(tmp_path)]
                      ).exit_code == 0
    tei = tmp_path / "tei" / "frus-d1.xml"
    text = tei.read_text(encoding="utf-8")
    body = text.index("<body")
    at = text.index("<p>", body) + len("<p>")
    tei.write_text(text[:at] + f"{NAME}N. S. Khrushchev</persName> " + text[at:],
                   encoding="utf-8")
    edited = tei.read_bytes()
    make_pages(tmp_path / "pages" / "volume-two", 2, volume="frus1961-63v05")
    result = run.invoke(main, ["build", str(tmp_path / "pages"), "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "built 4 documents" in result.output
    assert tei.read_bytes() == edited
    assert {"frus1961-63v05.html", "frus1961-63v05-d1.html", "frus-d1.html",
            "frus-d2.html"} <= reachable(tmp_path / "build")
    validated = run.invoke(main, ["validate", str(tmp_path / "build")])
    assert validated.exit_code == 0, validated.output
    assert NAME.encode() in (tmp_path / "build" / "frus-d1.xml").read_bytes()
    # Readable by a web server running as another user (the umask is 022 in the test run).
    made = [p for p in (tmp_path / "build").rglob("*") if p.is_file()]
    assert made and all(p.stat().st_mode & 0o777 == 0o644 for p in made), sorted(
        f"{p}: {p.stat().st_mode & 0o777:o}" for p in made if p.stat().st_mode & 0o777 != 0o644)
    server = make_server(tmp_path / "build", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        for page in ("index.html", "frus1961-63v05.html", "frus-d1.html"):
            with urllib.request.urlopen(f"{base}/{page}", timeout=5) as response:
                assert response.status == 200
    finally:
        server.shutdown()
        server.server_close()
