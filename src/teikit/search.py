"""Full-text search of the static edition, by Pagefind.

:func:`write_search_index` runs Pagefind (the ``pagefind[bin]`` package's binary, or a
``pagefind`` on the PATH) over the HTML pages of an output folder. Pagefind reads only what
the document pages mark for it (``data-pagefind-body`` on the article, volume, number,
date and year as ``data-pagefind-meta``/``-filter`` attributes, see ``xslt/html.xsl``), so
the index, volume and search pages are not indexed. The bundle it writes (``pagefind/``) is
what the search page (``search.html``, :mod:`teikit.site`) loads in the browser; it works
offline when ``build/`` is served (``teikit serve``), not from ``file://``, where browsers
refuse the bundle's fetches.

Pagefind runs as a separate process: :func:`start_search_index` starts it and returns, so
a build writes its other edition files while Pagefind indexes the finished document pages,
and :meth:`SearchRun.finish` waits for it. The bundle is written into a new folder beside
the old one and swapped in whole, so a failed run leaves the previous index (or none),
never half of one. Its bytes are not
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
import tempfile
import time
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
    return start_search_index(out_dir).finish()


def start_search_index(out_dir: Path) -> SearchRun:
    """Start Pagefind over the document pages of ``out_dir`` and return at once; the caller
    may write other files meanwhile (not the document pages) and then calls
    :meth:`SearchRun.finish`.

    Raises:
        SearchUnavailable: when Pagefind is not installed (``pip install 'teikit[search]'``).
        SearchError: when Pagefind cannot be started.
    """
    binary = pagefind_binary()
    if binary is None:
        raise SearchUnavailable(
            f"{out_dir / BUNDLE_DIR}: not written, Pagefind is not "
            "installed (pip install 'teikit[search]')"
        )
    return SearchRun(binary, out_dir)


class SearchRun:
    """One Pagefind run in the background, writing a fresh bundle beside the old one."""

    def __init__(self, binary: Path, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.fresh = out_dir / f".{BUNDLE_DIR}-{uuid.uuid4().hex}"
        self.started = time.monotonic()
        # Its messages go to a file, not a pipe: nobody reads a pipe while it runs.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish or cancel
        os.mkdir(self.fresh)  # mode from the umask, like every other output
        command = [
            str(binary),
            "--site",
            str(out_dir),
            "--output-path",
            str(self.fresh),
            "--glob",
            "*.html",
            "--silent",
        ]
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT
            )
        except OSError as exc:
            self.cancel()
            raise SearchError(f"{out_dir}: Pagefind could not run ({exc})") from exc

    def finish(self) -> list[Path]:
        """Wait for Pagefind and swap its bundle in whole.

        Returns:
            Every file of the bundle, sorted.

        Raises:
            SearchError: when Pagefind fails, finds no page to index or takes longer than
                :data:`TIMEOUT` seconds from its start.
        """
        out_dir, fresh = self.out_dir, self.fresh
        old = out_dir / f".{BUNDLE_DIR}-old-{uuid.uuid4().hex}"
        process = self.process
        if process is None:
            raise SearchError(f"{out_dir}: Pagefind was stopped")
        try:
            left = max(0.0, TIMEOUT - (time.monotonic() - self.started))
            try:
                code = process.wait(timeout=left)
            except subprocess.TimeoutExpired as exc:
                raise SearchError(f"{out_dir}: Pagefind could not run ({exc})") from exc
            self.process = None
            if code != 0 or not (fresh / "pagefind.js").is_file():
                self.log.seek(0)
                lines = self.log.read().decode("utf-8", "replace").strip().splitlines()
                why = lines[-1] if lines else f"exit code {code}"
                raise SearchError(f"{out_dir}: Pagefind failed: {why}")
            target = out_dir / BUNDLE_DIR
            if target.exists():
                target.rename(old)
            fresh.rename(target)
        finally:
            self.cancel()
            shutil.rmtree(old, ignore_errors=True)
        return sorted(p for p in target.rglob("*") if p.is_file())

    def cancel(self) -> None:
        """Stop Pagefind if it still runs and remove what it wrote (the old bundle stays)."""
        process, self.process = getattr(self, "process", None), None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        self.log.close()
        shutil.rmtree(self.fresh, ignore_errors=True)
