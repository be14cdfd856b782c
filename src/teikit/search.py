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
and :meth:`SearchRun.finish` waits for it. An edition of more than :data:`PAGES_PER_INDEX`
pages is indexed in parts that the search page merges, so Pagefind's memory is bounded by
the part, not the edition. The bundle is written into a new folder beside the old one and
swapped in whole, so a failed run leaves the previous index (or none), never half of one.
Its bytes are not always the same run after run: Pagefind (1.5) writes the values of a
filter in hash order (its maintainers fixed the fragments in 1.3 and left the filter and
meta files, Pagefind issue 638); what a search finds is the same.

Pagefind is an optional dependency (the ``search`` extra): without it the rest of the
edition builds and :class:`SearchUnavailable` says what to install.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from teikit.errors import TeikitError

#: The folder of the search bundle in the output folder.
BUNDLE_DIR = "pagefind"

#: Seconds Pagefind may take (all its runs together) before the index is given up.
TIMEOUT = 600

#: The most pages one Pagefind run indexes: it holds them all in memory (about half a
#: megabyte each), so a larger edition is indexed in parts (a large FRUS volume's worth).
PAGES_PER_INDEX = 1000

#: The glob of a run over every page.
ALL_PAGES = "*.html"

#: The folder, inside the bundle, of the other parts' indexes, and the file that lists them
#: (a JSON array of their folders, relative to the bundle) for the search page to merge.
MORE_DIR = "more"
MORE_INDEXES = "teikit-indexes.json"

#: Characters a page name must not hold to be named in a glob.
_GLOB_SPECIAL = set("*?[]{},\\!")


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


def write_search_index(out_dir: Path, pages: Sequence[str] | None = None) -> list[Path]:
    """Index the document pages of ``out_dir`` into ``out_dir/pagefind/``.

    Args:
        out_dir: the output folder.
        pages: the document pages (names relative to ``out_dir``), when the caller knows
            them: more than :data:`PAGES_PER_INDEX` are indexed in parts (see
            :func:`start_search_index`). None indexes every page in one run.

    Returns:
        Every file of the bundle, sorted.

    Raises:
        SearchUnavailable: when Pagefind is not installed (``pip install 'teikit[search]'``).
        SearchError: when Pagefind fails or finds no page to index.
    """
    return start_search_index(out_dir, pages).finish()


def start_search_index(out_dir: Path, pages: Sequence[str] | None = None) -> SearchRun:
    """Start Pagefind over the document pages of ``out_dir`` and return at once; the caller
    may write other files meanwhile (not the document pages) and then calls
    :meth:`SearchRun.finish`.

    Pagefind holds every page it indexes in memory (about half a megabyte a page), so an
    edition of more than :data:`PAGES_PER_INDEX` pages (in ``pages``, in reading order) is
    indexed in parts of at most that many pages, one Pagefind run after another: the first
    part is the bundle the search page loads, the others lie in its ``more/`` folder and
    are listed in :data:`MORE_INDEXES`, and the search page merges them (Pagefind's
    ``mergeIndex``), so a search still covers every volume. Pagefind answers each part on
    its own, and a part that lacks a word offers its nearest words instead: a search over
    parts can show documents that one index would not (never fewer).

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
    return SearchRun(binary, out_dir, index_globs(pages))


def index_globs(pages: Sequence[str] | None) -> list[str]:
    """The ``--glob`` of each Pagefind run: every page at once (``*.html``) for up to
    :data:`PAGES_PER_INDEX` pages, else one glob naming each page of a part."""
    if pages is None or len(pages) <= PAGES_PER_INDEX or any(_GLOB_SPECIAL & set(p) for p in pages):
        return [ALL_PAGES]
    return [
        "{" + ",".join(pages[k : k + PAGES_PER_INDEX]) + "}"
        for k in range(0, len(pages), PAGES_PER_INDEX)
    ]


class SearchRun:
    """Pagefind runs in the background (one after another, in a thread of this process),
    each writing a fresh bundle beside the old one."""

    def __init__(self, binary: Path, out_dir: Path, globs: Sequence[str]) -> None:
        self.binary, self.out_dir, self.globs = binary, out_dir, list(globs)
        self.started = time.monotonic()
        self.fresh = [out_dir / f".{BUNDLE_DIR}-{uuid.uuid4().hex}" for _ in self.globs]
        self.failure: str | None = None
        self.stopped = threading.Event()
        self.process: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._run_all, name="teikit-pagefind", daemon=True)
        self.thread.start()

    def _run_all(self) -> None:
        for glob, fresh in zip(self.globs, self.fresh, strict=True):
            if self.stopped.is_set():
                return
            self.failure = self._run_one(glob, fresh)
            if self.failure is not None:
                return

    def _run_one(self, glob: str, fresh: Path) -> str | None:
        """Run Pagefind once; return why it failed, or None."""
        command = [
            str(self.binary),
            "--site",
            str(self.out_dir),
            "--output-path",
            str(fresh),
            "--glob",
            glob,
            "--silent",
        ]
        # Its messages go to a file, not a pipe: nobody reads a pipe while it runs.
        with tempfile.TemporaryFile() as log:
            try:
                os.mkdir(fresh)  # mode from the umask, like every other output
                with self.lock:
                    if self.stopped.is_set():
                        return None
                    self.process = subprocess.Popen(
                        command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
                    )
                left = max(0.0, TIMEOUT - (time.monotonic() - self.started))
                code = self.process.wait(timeout=left)
            except (OSError, subprocess.TimeoutExpired) as exc:
                return f"Pagefind could not run ({exc})"
            finally:
                with self.lock:
                    if self.process is not None and self.process.poll() is None:
                        self.process.kill()
                        self.process.wait()
                    self.process = None
            if code != 0 or not (fresh / "pagefind.js").is_file():
                log.seek(0)
                lines = log.read().decode("utf-8", "replace").strip().splitlines()
                return f"Pagefind failed: {lines[-1] if lines else f'exit code {code}'}"
        return None

    def finish(self) -> list[Path]:
        """Wait for Pagefind and swap its bundle in whole.

        Returns:
            Every file of the bundle, sorted.

        Raises:
            SearchError: when Pagefind fails, finds no page to index or takes longer than
                :data:`TIMEOUT` seconds from its start.
        """
        out_dir = self.out_dir
        old = out_dir / f".{BUNDLE_DIR}-old-{uuid.uuid4().hex}"
        target = out_dir / BUNDLE_DIR
        try:
            if self.stopped.is_set():
                raise SearchError(f"{out_dir}: Pagefind was stopped")
            self.thread.join()
            if self.failure is not None:
                raise SearchError(f"{out_dir}: {self.failure}")
            primary, *parts = self.fresh
            names = []
            for number, part in enumerate(parts, 1):
                (primary / MORE_DIR).mkdir(exist_ok=True)
                part.rename(primary / MORE_DIR / str(number))
                names.append(f"{MORE_DIR}/{number}/")
            # Written for one part too (an empty list): the search page always finds it.
            text = json.dumps(names, separators=(",", ":")) + "\n"
            (primary / MORE_INDEXES).write_text(text, encoding="utf-8")
            if target.exists():
                target.rename(old)
            primary.rename(target)
        finally:
            self.cancel()
            shutil.rmtree(old, ignore_errors=True)
        return sorted(p for p in target.rglob("*") if p.is_file())

    def cancel(self) -> None:
        """Stop Pagefind if it still runs and remove what it wrote (the old bundle stays)."""
        with self.lock:
            self.stopped.set()
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
        self.thread.join()
        for fresh in self.fresh:
            shutil.rmtree(fresh, ignore_errors=True)
