"""`teikit render` from the command line: outputs, exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO, TEI_DIR

from teikit.cli import main

FIXTURE = REPO / "tests" / "fixtures" / "render" / "all-body-features.xml"


def test_render_html_of_a_folder(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "teikit.cli", "render", "--to", "html",
                             str(TEI_DIR), "-o", str(tmp_path / "site")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "rendered 5 document(s) to html" in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "teikit.css").is_file()
    assert len(list((tmp_path / "site").glob("frus*.html"))) == 5


def test_render_page_text_of_one_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", "--to", "page-text", str(FIXTURE),
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "all-body-features.page.txt").read_text(encoding="utf-8").startswith(
        "352. Telegram From the Embassy")


def test_missing_input_exits_2_and_still_renders_the_others(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", "--to", "text", str(tmp_path / "nope.xml"),
                                       str(FIXTURE), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "nope.xml: no such file or folder" in result.output
    assert (tmp_path / "out" / "all-body-features.text.txt").is_file()


def test_unknown_output_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", "--to", "pdf", str(FIXTURE), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "Invalid value for '--to'" in result.output


def test_output_dir_is_required() -> None:
    result = CliRunner().invoke(main, ["render", "--to", "html", str(FIXTURE)])
    assert result.exit_code == 2


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["render", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "teikit render --to html" in result.output
