"""Locate the schemas and stylesheets that ship inside the package.

The files live at the top of the repository, in ``schemas/``, ``xslt/`` and ``csl/``, where
editors look for them; ``src/teikit/data/schemas``, ``.../xslt`` and ``.../csl`` are links to
those folders, so that an editable install reads them in place and a wheel (or ``pip install
--target``) carries copies as package data. Either way they are found through
:mod:`importlib.resources`, relative to the ``teikit`` package that is running, never through
``sys.prefix`` (which may hold another installation's copies).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from teikit.errors import TeikitError

#: The data folders the package carries, by the name used at the top of the repository.
DATA_KINDS: tuple[str, ...] = ("schemas", "xslt", "csl")


def data_dir(kind: str) -> Path:
    """Return the folder holding ``kind`` ("schemas", "xslt" or "csl").

    ``TEIKIT_DATA``, when set, names a folder holding ``schemas/`` and ``xslt/`` to use
    instead (for trying out changed stylesheets without reinstalling).

    Args:
        kind: one of :data:`DATA_KINDS`.

    Returns:
        The folder, on the file system.

    Raises:
        TeikitError: for an unknown kind, or when the installation lacks the folder.
    """
    if kind not in DATA_KINDS:
        raise TeikitError(f"unknown data folder {kind!r}; teikit carries " + ", ".join(DATA_KINDS))
    override = os.environ.get("TEIKIT_DATA")
    if override:
        candidate = Path(override) / kind
        if candidate.is_dir():
            return candidate
        raise TeikitError(
            f"TEIKIT_DATA={override}: it holds no {kind}/ folder (unset it to "
            "use the files installed with teikit)"
        )
    found = resources.files("teikit") / "data" / kind
    if isinstance(found, Path) and found.is_dir():
        return found.resolve()  # in a checkout: the top-level folder itself, not the link
    raise TeikitError(
        f"this installation of teikit lacks its {kind}/ files ({found}); "
        "reinstall teikit (pip install teikit, or pip install -e . in a checkout)"
    )
