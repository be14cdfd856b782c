"""Folders of page text for build tests: copies of the 1958-60 seeds, each its own document.

The copies differ from their seed only in the document number of the heading line
(``352. Telegram ...`` becomes ``7. Telegram ...``), so each converts to its own TEI id.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SEEDS

#: Seeds whose first line is the heading ``NNN. Title`` (1955 and later).
NUMBERED_SEEDS = ("000_3a03024524f4be47.txt", "001_b54f6a50260e29b6.txt")


def volume_table(volume: str, title: str | None = None) -> str:
    """A catalog's table for ``volume`` (only the facts the tests need)."""
    title = title or f"Foreign Relations of the United States, test volume {volume}"
    return (f'[volumes.{volume}]\ncomplete_title = "{title}"\n'
            'series = "Foreign Relations of the United States"\n\n')


def make_pages(folder: Path, count: int, *, volume: str | None = "frus1958-60v19",
               first: int = 1, prefix: str = "page") -> list[Path]:
    """Write ``count`` page texts numbered ``first``... into ``folder`` (and a catalog
    giving their volume, unless ``volume`` is None); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(SEEDS / name).read_text(encoding="utf-8") for name in NUMBERED_SEEDS]
    catalog = [volume_table(volume)] if volume else []
    made = []
    for i in range(count):
        number = first + i
        text = re.sub(r"^\d+\.", f"{number}.", texts[i % len(texts)], count=1)
        path = folder / f"{prefix}-{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        made.append(path)
        if volume:
            catalog.append(f'[documents."{path.name}"]\nvolume = "{volume}"\n'
                           f"number = {number}\n\n")
    if volume:
        (folder / "catalog.toml").write_text("".join(catalog), encoding="utf-8")
    return made
