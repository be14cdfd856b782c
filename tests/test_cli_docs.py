"""Every command documents itself: help with an example, and a section in the README."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import REPO

from teikit.cli import main

COMMANDS = sorted(main.commands)


def test_the_expected_commands_exist() -> None:
    assert {"convert", "validate", "render", "cite", "build", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output, f"teikit {name} --help has no Example: block"


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_documents_the_command(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"teikit {name}" in readme, f"README.md does not show `teikit {name}`"
