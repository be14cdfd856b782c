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

from teikit.build import BuildLayout, build_edition
from teikit.serve import make_app
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
