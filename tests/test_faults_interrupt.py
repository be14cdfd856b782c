"""Ctrl-C in the middle of validate and render: what was found so far is still reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TEI_DIR

import teikit.render as render_module
import teikit.validation as validation_module
from teikit.cli import main
from teikit.errors import EXIT_INTERRUPTED, Interrupted
from teikit.render import render_paths
from teikit.validation import validate_paths


def _two_files(tmp_path: Path) -> tuple[Path, Path]:
    """A TEI file with a grammar error, then a good one (in file-name order)."""
    good = sorted(TEI_DIR.glob("*.xml"))
    bad = tmp_path / "a-bad.xml"
    bad.write_text(good[0].read_text(encoding="utf-8").replace("<p>", "<p><bogus/>", 1),
                   encoding="utf-8")
    shutil.copyfile(good[1], tmp_path / good[1].name)
    return bad, tmp_path / good[1].name


def _interrupt_on_second(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    """Make ``module.name`` (a reader of one input) raise Ctrl-C on its second call."""
    real = getattr(module, name)
    calls = []

    def reader(*args: object, **kwargs: object) -> object:
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, reader)


def test_validate_interrupted_keeps_the_findings_so_far(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, _ = _two_files(tmp_path)
    _interrupt_on_second(monkeypatch, validation_module, "read_input")
    with pytest.raises(Interrupted) as caught:
        validate_paths([tmp_path])
    assert caught.value.done == 1 and caught.value.total == 2
    assert any("bogus" in f.message and f.path.endswith(bad.name) for f in caught.value.errors)
    _interrupt_on_second(monkeypatch, validation_module, "read_input")
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == EXIT_INTERRUPTED
    assert "bogus" in result.output
    assert "interrupted after 1 of 2 input(s); 1 error(s) until then" in result.output
    assert "Traceback" not in result.output and "Aborted" not in result.output


def test_render_interrupted_keeps_the_problems_so_far(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "a-empty.xml"
    empty.write_bytes(b"")
    shutil.copyfile(sorted(TEI_DIR.glob("*.xml"))[0], tmp_path / "b.xml")
    shutil.copyfile(sorted(TEI_DIR.glob("*.xml"))[1], tmp_path / "c.xml")
    _interrupt_on_second(monkeypatch, render_module, "read_tei")
    with pytest.raises(Interrupted) as caught:
        render_paths([tmp_path], "text", tmp_path / "out")
    assert caught.value.total == 3
    assert [p.path for p in caught.value.errors] == [str(empty)]
    _interrupt_on_second(monkeypatch, render_module, "read_tei")
    result = CliRunner().invoke(main, ["render", "--to", "text", str(tmp_path),
                                       "-o", str(tmp_path / "out2")])
    assert result.exit_code == EXIT_INTERRUPTED, result.output
    assert str(empty) in result.output
    assert "interrupted after" in result.output and "Traceback" not in result.output
