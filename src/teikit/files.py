"""File writing shared by every stage: outputs are written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder.

    The file appears under its name only once it is complete, so an interrupted run never
    leaves a half-written output. Missing parent folders are made.

    Args:
        data: the bytes to write.
        target: the file to create or replace.

    Raises:
        OSError: when the folder or file cannot be written.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
