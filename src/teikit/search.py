"""Full-text search of the static edition, by Pagefind.

:func:`write_search_index` runs Pagefind (the ``pagefind[bin]`` package's binary, or a
``pagefind`` on the PATH) over the HTML pages of an output folder. Pagefind reads only what
the document pages mark for it (``data-pagefind-body`` on the article, volume, number,
date and year as ``data-pagefind-meta``/``-filter`` attributes, see ``xslt/html.xsl``), so
the index, volume and search pages are not indexed. The bundle it writes (``pagefind/``) is
what the search page (``search.html``, :mod:`teikit.site`) loads in the browser; it works
offline when ``build/`` is served (``teikit serve``), not from ``file://``, where browsers
refuse the bundle's fetches.

The bundle is written into a new folder beside the old one and swapped in whole, so a
failed run leaves the previous index (or none), never half of one. Its bytes are not
always the same run after run: Pagefind (1.5) writes the values of a filter in hash order
(its maintainers fixed the fragments in 1.3 and left the filter and meta files, Pagefind
issue 638); what a search finds is the same.

Pagefind is an optional dependency (the ``search`` extra): without it the rest of the
edition builds and :class:`SearchUnavailable` says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

from teikit.errors import TeikitError

#: The folder of the search bundle in the output folder.
BUNDLE_DIR = "pagefind"

#: Seconds Pagefind may take before the run is given up.
TIMEOUT = 600


class SearchError(TeikitError):
    """Pagefind ran and failed."""


class SearchUnavailable(SearchError):
    """Pagefind is not installed."""


def pagefind_binary() -> Path | None:
    """Return the Pagefind executable: the ``pagefind_bin`` package's, else one on the PATH."""
    try:
        import pagefind_bin
    except ImportError:
        pagefind_bin = None
    if pagefind_bin is not None:
        try:
            return Path(pagefind_bin.get_executable())
        except FileNotFoundError:
            pass
    found = shutil.which("pagefind")
    return Path(found) if found else None


def write_search_index(out_dir: Path) -> list[Path]:
    """Index the document pages of ``out_dir`` into ``out_dir/pagefind/``.

    Returns:
        Every file of the bundle, sorted.

    Raises:
        SearchUnavailable: when Pagefind is not installed (``pip install 'teikit[search]'``).
        SearchError: when Pagefind fails or finds no page to index.
    """
    binary = pagefind_binary()
    if binary is None:
        raise SearchUnavailable(
            f"{out_dir / BUNDLE_DIR}: not written, Pagefind is not "
            "installed (pip install 'teikit[search]')"
        )
    fresh = out_dir / f".{BUNDLE_DIR}-{uuid.uuid4().hex}"
    old = out_dir / f".{BUNDLE_DIR}-old-{uuid.uuid4().hex}"
    os.mkdir(fresh)  # mode from the umask, like every other output
    try:
        try:
            run = subprocess.run(
                [
                    str(binary),
                    "--site",
                    str(out_dir),
                    "--output-path",
                    str(fresh),
                    "--glob",
                    "*.html",
                    "--silent",
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchError(f"{out_dir}: Pagefind could not run ({exc})") from exc
        if run.returncode != 0 or not (fresh / "pagefind.js").is_file():
            lines = (run.stderr or run.stdout).strip().splitlines()
            why = lines[-1] if lines else f"exit code {run.returncode}"
            raise SearchError(f"{out_dir}: Pagefind failed: {why}")
        target = out_dir / BUNDLE_DIR
        if target.exists():
            target.rename(old)
        fresh.rename(target)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return sorted(p for p in target.rglob("*") if p.is_file())
