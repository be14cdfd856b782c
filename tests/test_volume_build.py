"""teikit build hands the edition on: build/volumes/ and the static DTS tree in build/dts/.

One build of a copy of seeds/ in a temporary folder; its volume files pass teikit validate,
its DTS tree answers the Entry and Collection requests, and `teikit serve` serves both from
the built folder alone.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS
from test_dts import check_shape, get

from teikit.build import EDITION_TITLE, BuildLayout, build_edition
from teikit.dts import write_static
from teikit.epub import write_volume_epubs
from teikit.facts import facts_of
from teikit.serve import make_app
from teikit.teifile import read_tei
from teikit.validation import validate_paths


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(SEEDS, root / "seeds")
    report = build_edition(BuildLayout(root))
    assert report.ok, [str(p) for p in report.errors] + report.validation_findings
    return root / "build"


def test_the_build_writes_one_volume_file_per_volume(built: Path) -> None:
    volumes = sorted(p.name for p in (built / "volumes").glob("*.xml"))
    assert volumes == ["frus1952-54v08.xml", "frus1952-54v14p1.xml", "frus1958-60v19.xml"]
    report = validate_paths([built / "volumes"])
    assert [f for f in report.findings if f.severity == "error"] == []


def test_the_build_writes_the_static_dts_tree(built: Path) -> None:
    entry = json.loads((built / "dts" / "index.json").read_text(encoding="utf-8"))
    check_shape(entry)
    root = json.loads((built / "dts" / "collection.json").read_text(encoding="utf-8"))
    check_shape(root)
    assert root["title"] == "Foreign Relations of the United States: a teikit edition"
    assert root["totalChildren"] == 3


def test_the_built_folder_is_enough_to_serve_the_api(built: Path) -> None:
    app = make_app(built)
    status, _, body = get(app, "/api/dts/collection", id="frus1958-60v19")  # type: ignore[arg-type]
    assert status == 200
    assert [m["@id"] for m in json.loads(body)["member"]] == ["frus1958-60v19-d300",
                                                              "frus1958-60v19-d352"]
    status, _, body = get(app, "/dts/collection/frus1958-60v19.json")  # type: ignore[arg-type]
    assert status == 200 and json.loads(body)["@id"] == "frus1958-60v19"


def test_the_dts_answers_made_by_the_workers_are_those_of_write_static(
        built: Path, tmp_path: Path) -> None:
    """A build makes each document's DTS answers in its render workers and the Entry and
    Collection answers at the end; together they are exactly what write_static makes."""
    tei = sorted((built.parent / "tei").glob("*.xml"))
    paths = {p.stem: p for p in tei}
    edition = [facts_of(read_tei(p), p.stem) for p in tei]
    write_static(edition, paths, tmp_path, title=EDITION_TITLE)
    alone = {p.relative_to(tmp_path).as_posix(): p.read_bytes()
             for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    made = {p.relative_to(built / "dts").as_posix(): p.read_bytes()
            for p in sorted((built / "dts").rglob("*")) if p.is_file()}
    assert sorted(made) == sorted(alone)
    assert [name for name in made if made[name] != alone[name]] == []


def test_the_books_assembled_from_worker_chapters_are_those_made_from_the_tei(
        built: Path, tmp_path: Path) -> None:
    """The chapters the render workers left (.teikit-epub/) give the same books, byte for
    byte, as chapters made in one process from the TEI files."""
    tei = sorted((built.parent / "tei").glob("*.xml"))
    paths = {p.stem: p for p in tei}
    edition = [facts_of(read_tei(p), p.stem) for p in tei]
    assert sorted(p.stem for p in (built / ".teikit-epub").glob("*.xhtml")) == sorted(paths)
    again = write_volume_epubs(edition, paths, tmp_path)
    assert sorted(p.name for p in again) == sorted(p.name for p in (built / "epub").iterdir())
    for book in again:
        assert book.read_bytes() == (built / "epub" / book.name).read_bytes(), book.name
