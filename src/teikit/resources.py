"""Locate the schemas and stylesheets that ship beside the package."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from teikit.errors import TeikitError


def _candidates(kind: str) -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("TEIKIT_DATA")
    if override:
        found.append(Path(override) / kind)
    # A source checkout or an editable install: src/teikit/ -> repository root.
    found.append(Path(__file__).resolve().parents[2] / kind)
    # A wheel install: data-files under <prefix>/share/teikit/.
    found.append(Path(sys.prefix) / "share" / "teikit" / kind)
    return found


def data_dir(kind: str) -> Path:
    """Return the folder holding ``kind`` ("schemas" or "xslt").

    Args:
        kind: the folder name at the top of the repository.

    Returns:
        The first existing candidate folder.

    Raises:
        TeikitError: when no copy of the folder can be found.
    """
    for path in _candidates(kind):
        if path.is_dir():
            return path
    raise TeikitError(
        f"cannot find the teikit {kind}/ folder; set TEIKIT_DATA to the folder that holds it"
    )
