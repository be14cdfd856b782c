"""Saxon's own standard error (teikit.transform): a run-time failure of a stylesheet is one
problem line naming the file, with Saxon's message as its detail, and nothing else reaches
the terminal.

The failing pair: a stylesheet that casts the document's title to an integer, and a TEI
document (any: its title is words).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TEI_DIR

import teikit.transform as transform_module
from teikit.cli import main
from teikit.transform import Output, TransformError, parse, transform, transform_node

DOCUMENT = TEI_DIR / "frus1958-60v19-d352.xml"
#: Fails at run time (FORG0001), not at compile time: the cast depends on the document.
FAILING = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="xs:integer((//tei:title)[1])"/>
  </xsl:template>
</xsl:stylesheet>
"""
#: Does not compile: an undeclared prefix.
BROKEN = FAILING.replace("xs:integer(", "nope:integer(")


@pytest.fixture
def failing_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    stylesheet = tmp_path / "failing.xsl"
    stylesheet.write_text(FAILING, encoding="utf-8")
    monkeypatch.setitem(transform_module.OUTPUTS, "failing",
                        Output(str(stylesheet), "txt", "fails at run time"))
    return "failing"


def test_a_run_time_failure_is_one_message_naming_the_file(
        failing_output: str, capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(TransformError) as caught:
        transform(DOCUMENT, failing_output)
    message = str(caught.value)
    assert message.startswith(f"{DOCUMENT}: failing transform failed: ")
    assert "FORG0001" in message and "failing.xsl" in message and "\n" not in message
    assert capfd.readouterr().err == ""  # Saxon's own lines went into the message only


def test_stderr_is_restored_after_a_failure_and_after_a_success(
        failing_output: str, capfd: pytest.CaptureFixture[str]) -> None:
    node = parse(DOCUMENT)
    with pytest.raises(TransformError):
        transform_node(node, failing_output)
    assert transform_node(node, "bibtex").startswith("@")
    os.write(2, b"still here\n")
    assert capfd.readouterr().err == "still here\n"


def test_a_stylesheet_that_does_not_compile_says_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    stylesheet = tmp_path / "broken.xsl"
    stylesheet.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setitem(transform_module.OUTPUTS, "broken",
                        Output(str(stylesheet), "txt", "does not compile"))
    with pytest.raises(TransformError) as caught:
        transform(DOCUMENT, "broken")
    assert str(caught.value).startswith(f"{stylesheet}: stylesheet does not compile: ")
    assert "nope" in str(caught.value)
    assert capfd.readouterr().err == ""


def _data_with_failing_text(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(REPO / "xslt", data / "xslt")
    shutil.copytree(REPO / "schemas", data / "schemas")
    (data / "xslt" / "text.xsl").write_text(FAILING, encoding="utf-8")
    return data


def test_render_reports_it_on_one_line_in_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TEIKIT_DATA", str(_data_with_failing_text(tmp_path)))
    monkeypatch.setattr(transform_module, "_compiled", {})
    result = CliRunner().invoke(main, ["render", "--to", "text", str(DOCUMENT),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {DOCUMENT}: text transform failed")
    assert "FORG0001" in errors[0]
    assert capfd.readouterr().err == ""


def test_render_leaves_no_stray_line_on_the_terminal(tmp_path: Path) -> None:
    data = _data_with_failing_text(tmp_path)
    teikit = Path(sys.executable).with_name("teikit")
    done = subprocess.run([str(teikit), "render", "--to", "text", str(DOCUMENT), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True,
                          env={**os.environ, "TEIKIT_DATA": str(data)}, timeout=120)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert [x for x in lines if "FORG0001" in x] == [x for x in lines if x.startswith("error:")]
    assert len([x for x in lines if x.startswith("error:")]) == 1
    assert not [x for x in lines if x.startswith(("Error at", "  ", "In template"))]
    assert not (tmp_path / "out" / "frus1958-60v19-d352.text.txt").exists()
