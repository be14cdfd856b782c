"""teikit finds its own stylesheets and schemas however it is installed (issue 9).

A checkout (editable install) reads schemas/ and xslt/ in place through src/teikit/data/;
a wheel installed with ``pip install --target`` carries copies and uses them, not the
checkout's and not another installation's under ``sys.prefix``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, TEI_DIR

from teikit.errors import TeikitError
from teikit.resources import DATA_KINDS, data_dir

TEI_FILE = sorted(TEI_DIR.glob("*.xml"))[0]


def test_a_checkout_reads_the_top_level_folders_in_place() -> None:
    for kind in DATA_KINDS:
        assert data_dir(kind).resolve() == (REPO / kind).resolve()
    assert (data_dir("xslt") / "html.xsl").is_file()


def test_an_unknown_kind_or_a_wrong_override_is_one_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(TeikitError, match="unknown data folder 'fonts'"):
        data_dir("fonts")
    monkeypatch.setenv("TEIKIT_DATA", str(tmp_path))
    with pytest.raises(TeikitError, match="holds no xslt/ folder"):
        data_dir("xslt")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(out.glob("teikit-*.whl"))


def test_the_wheel_carries_every_schema_and_stylesheet(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind, patterns in (
        ("schemas", ("*.rng", "*.sch")),
        ("xslt", ("*.xsl", "*.css")),
        ("csl", ("*.csl",)),
    ):
        for pattern in patterns:
            for path in (REPO / kind).glob(pattern):
                assert f"teikit/data/{kind}/{path.name}" in names, path


def test_pip_install_target_runs_with_its_own_files(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("TEIKIT_DATA", None)
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import teikit, teikit.resources as r; "
            "print(teikit.__file__); print(r.data_dir('xslt')); print(r.data_dir('schemas'))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    package, xslt, schemas = where.stdout.splitlines()
    assert Path(package).is_relative_to(target)
    assert Path(xslt).is_relative_to(target) and Path(schemas).is_relative_to(target)
    for args in (
        ["cite", str(TEI_FILE)],
        ["validate", str(TEI_FILE)],
        ["render", "--to", "html", str(TEI_FILE), "-o", str(tmp_path / "site")],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "teikit.cli", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, (args, result.stderr)
    assert (tmp_path / "site" / "index.html").is_file()
