"""`teikit build` (the main job) and `teikit serve`."""

from __future__ import annotations

import shutil
import threading
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from conftest import SEEDS, TEI_DIR, TEI_NS
from lxml import etree

from teikit.cli import main
from teikit.serve import make_server


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
    assert (root / "build" / "index.html").is_file()
    assert (root / "build" / "teikit.css").is_file()
    corpus = etree.parse(str(root / "build" / "teikit-corpus.xml")).getroot()
    assert corpus.tag == f"{{{TEI_NS}}}teiCorpus"
    assert len(corpus.findall(f"{{{TEI_NS}}}TEI")) == 5


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
