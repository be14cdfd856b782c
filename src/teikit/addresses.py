"""What an input's file name says: the volume and document of the page it was saved from.

A FRUS document lives at ``https://history.state.gov/historicaldocuments/<volume>/d<N>``.
A page saved under its address keeps both parts in its name, and teikit reads them when no
catalog or option gives them (the rule, in order; the name is read without its extensions,
so ``frus1958-60v19_d352.page.txt`` reads like ``frus1958-60v19_d352``):

==============================  ===========================================================
``frus1958-60v19_d352.txt``     volume ``frus1958-60v19``, document 352 (``_`` or ``-``
``frus1958-60v19-d352.txt``     between volume and document)
``frus1958-60v19/d352.txt``     the same: a ``d<N>`` name in a folder named as a volume
``d352.txt``                    document 352 only
==============================  ===========================================================

The volume part must be a FRUS volume id (:data:`teikit.catalog.VOLUME_ID`); anything else
(``page352.txt``, ``352.txt``, ``notes_d352x.txt``) says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from teikit.catalog import VOLUME_ID

_VOLUME_AND_DOCUMENT = re.compile(r"^(?P<volume>frus[0-9A-Za-z-]+?)[_-]d(?P<number>\d{1,5})$")
_DOCUMENT = re.compile(r"^d(?P<number>\d{1,5})$")


@dataclass(frozen=True)
class Address:
    """The volume (or None) and document number an input's file name gives."""

    volume: str | None
    number: int


def address_of(path: Path | str) -> Address | None:
    """Read the volume and document number from a file name saved under its address.

    Args:
        path: the input's path (only its name and its folder's name are read).

    Returns:
        The :class:`Address`, or None when the name does not follow the rule (module doc).
    """
    path = Path(path)
    stem = path.name.split(".", 1)[0]
    match = _VOLUME_AND_DOCUMENT.match(stem)
    if match and VOLUME_ID.match(match["volume"]):
        return Address(match["volume"], int(match["number"]))
    match = _DOCUMENT.match(stem)
    if match:
        folder = path.parent.name
        return Address(folder if VOLUME_ID.match(folder) else None, int(match["number"]))
    return None
