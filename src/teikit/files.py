"""Files shared by every stage: inputs checked before they are read, outputs written whole.

Reading: :func:`read_input` reads an input only when it is a regular file (a FIFO, device
or socket is refused before it is opened: opening a FIFO for reading blocks until a writer
comes), and turns every operating-system error into one :class:`~teikit.errors.Problem`.

Writing: :func:`write_atomically` and :func:`copy_atomically` write through a temporary file
in the target folder (named ``.<name>.<pid>.teikit-tmp``), flushed to disk and renamed over the
target, so the target is always either the old file or the whole new one. New files get the
mode the umask gives (0644 under umask 022), like any file a person would make. Temporary
files are removed when the write fails or is interrupted; one left by a killed run (its
process gone) is removed by the next run that writes into that folder. Each folder is made
(when missing) and swept of such files once per run (:func:`begin_run` starts one), not
once per file: a build writes tens of thousands of files into a few hundred folders.

Signals: :func:`handle_termination` makes SIGTERM (and SIGHUP) end the run the way Ctrl-C
does, so that clean-up code runs; :func:`live_temp_files` lists what is being written.

Names: :func:`display_name` shows any path as printable text (bytes that are not UTF-8 and
control characters escaped), for messages.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from teikit.errors import InputError, OutputError, Problem

#: The suffix of every temporary file teikit writes (``.<name>.<pid>.<random>.teikit-tmp``).
TEMP_SUFFIX = ".teikit-tmp"
_TEMP_NAME = re.compile(
    r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + "$"
)
#: Bytes read at a time by :func:`copy_atomically`.
COPY_CHUNK = 1 << 20

#: What each kind of file that is not a regular file is called in messages.
_NOT_REGULAR: tuple[tuple[int, str], ...] = (
    (stat.S_IFIFO, "a named pipe (FIFO)"),
    (stat.S_IFCHR, "a character device"),
    (stat.S_IFBLK, "a block device"),
    (stat.S_IFSOCK, "a socket"),
)

#: Hints for operating-system errors, by errno: what the user can do about each.
_OS_HINTS: dict[int, str] = {
    errno.EACCES: "check the permissions",
    errno.EPERM: "check the permissions",
    errno.EROFS: "the file system is read-only; write somewhere else",
    errno.ENOSPC: "the disk is full; free some space and run again",
    errno.EDQUOT: "the disk quota is used up; free some space and run again",
    errno.EPIPE: "the reader of the output went away",
    errno.ENOENT: "check the path",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "give a file, not a folder",
    errno.ENAMETOOLONG: "use a shorter name",
    errno.EIO: "the device reported an input/output error",
}

_live: set[str] = set()  # the temporary files being written, as absolute paths
_live_lock = threading.Lock()
_umask: int | None = None
#: The folders this run has made or found (and swept of stale temporary files), as absolute
#: path strings: a write into one of them neither makes nor sweeps it again. A build starts
#: with an empty set (:func:`begin_run`); a folder removed meanwhile is made again.
_ready: set[str] = set()


# --- names -------------------------------------------------------------------------------


def display_name(path: Path | str) -> str:
    """Return a path as printable, valid text for messages.

    Bytes of the name that are not UTF-8 (kept by Python as lone surrogates) are shown as
    ``\\xNN``, control characters as ``\\xNN`` or ``\\uNNNN``; everything else is kept.

    Args:
        path: a path, as given by the user or found in a folder.

    Returns:
        The name, safe to print on one line and to write into XML.
    """
    return escape_text(str(path))


#: The characters :func:`escape_text` escapes: C0 and C1 controls, DEL, lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape_one(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 (kept by surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0xD800:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def escape_text(text: str) -> str:
    """Escape lone surrogates and control characters (C0, DEL, C1) in ``text``.

    A byte of a file name that is not UTF-8 becomes ``\\xNN`` (its value), a control
    character ``\\xNN``, another lone surrogate ``\\uNNNN``; the result is printable and
    valid in XML. Text without such characters is returned as it is.
    """
    return _UNPRINTABLE.sub(_escape_one, text)


def os_problem(path: Path | str, exc: OSError, doing: str, code: str) -> Problem:
    """Turn an operating-system error into one :class:`Problem`.

    Args:
        path: the file concerned.
        exc: the error.
        doing: what teikit was doing, e.g. ``"cannot read the file"``.
        code: the problem code (``unreadable``, ``write-failed`` ...).

    Returns:
        The problem: ``path: doing (reason) (what to do)``.
    """
    reason = exc.strerror or exc.__class__.__name__
    hint = _OS_HINTS.get(exc.errno or 0, "")
    return Problem(display_name(path), None, f"{doing} ({reason})", hint, code)


# --- inputs ------------------------------------------------------------------------------


def check_input(path: Path) -> Problem | None:
    """Say why ``path`` cannot be read as an input file, without opening it.

    Args:
        path: the input, as given.

    Returns:
        ``None`` for a regular file that exists; otherwise the problem (codes ``missing``,
        ``directory``, ``not-regular``, ``unreadable``).
    """
    name = display_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Problem(name, None, "no such file", "check the path", "missing")
    except OSError as exc:
        return os_problem(path, exc, "cannot look at the file", "unreadable")
    if stat.S_ISDIR(info.st_mode):
        return Problem(
            name, None, "is a directory, not a file", "give the files inside it", "directory"
        )
    if not stat.S_ISREG(info.st_mode):
        kind = next(
            (label for mask, label in _NOT_REGULAR if stat.S_IFMT(info.st_mode) == mask),
            "not a regular file",
        )
        return Problem(
            name,
            None,
            f"is {kind}, not a regular file; not read",
            "give a regular file",
            "not-regular",
        )
    return None


def read_input(path: Path) -> bytes:
    """Read an input file whole, after checking that it is a regular file.

    The file is opened without blocking and checked again once open, so a FIFO put in
    its place between the check and the open is still refused and never waited on.

    Args:
        path: the input.

    Returns:
        Its bytes.

    Raises:
        InputError: carrying the problem (see :func:`check_input`; ``unreadable`` for a
            permission or other operating-system error).
    """
    problem = check_input(path)
    if problem is not None:
        raise InputError(problem)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(os_problem(path, exc, "cannot read the file", "unreadable")) from exc
    with os.fdopen(fd, "rb") as stream:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise InputError(
                    Problem(
                        display_name(path),
                        None,
                        "is not a regular file; not read",
                        "give a regular file",
                        "not-regular",
                    )
                )
            return stream.read()
        except OSError as exc:
            raise InputError(os_problem(path, exc, "cannot read the file", "unreadable")) from exc


def expand_paths(
    paths: Iterable[Path | str], *, recursive: bool
) -> tuple[list[Path], list[Problem]]:
    """Expand inputs: files as given, folders to the ``*.xml`` files in them.

    Args:
        paths: files and folders, in the order given.
        recursive: look in sub-folders too.

    Returns:
        The files (each folder's sorted by name, each file once), and a problem for each path
        that does not exist (code ``missing``) or a folder without XML files
        (``empty-folder``). Paths given that are not regular files (a FIFO, say) are kept:
        reading them (:func:`read_input`) refuses them with their own problem.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            pattern = path.rglob("*.xml") if recursive else path.glob("*.xml")
            found = sorted(p for p in pattern if p.is_file())
            if not found:
                problems.append(
                    Problem(
                        display_name(path),
                        None,
                        "the folder holds no *.xml files",
                        "give TEI files or a folder of them",
                        "empty-folder",
                    )
                )
        elif os.path.lexists(path):
            found = [path]
        else:
            problems.append(
                Problem(
                    display_name(path), None, "no such file or folder", "check the path", "missing"
                )
            )
            found = []
        for file in found:
            key = Path(os.path.abspath(file))
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems


# --- outputs -----------------------------------------------------------------------------


def file_mode() -> int:
    """Return the mode new files get: 0666 less the process's umask (0644 under 022)."""
    global _umask
    if _umask is None:
        with _live_lock:
            current = os.umask(0o022)
            os.umask(current)
            _umask = current
    return 0o666 & ~_umask


def live_temp_files() -> list[Path]:
    """Return the temporary files this process is writing right now."""
    with _live_lock:
        return sorted(Path(p) for p in _live)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Remove teikit temporary files in ``folder`` that a killed run left behind.

    A temporary file is stale when the process named in it is gone; files of running
    processes (another teikit writing into the same folder) are left alone.

    Args:
        folder: the folder to clean.

    Returns:
        The files removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match and not _pid_alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def begin_run() -> None:
    """Forget the folders earlier runs in this process made or swept (see :func:`_ready_folder`):
    a build calls it first, so that every folder it writes into is checked once in the run."""
    with _live_lock:
        _ready.clear()


def _ready_folder(folder: str) -> None:
    """Make ``folder`` (with its parents) and sweep it of stale temporary files, once a run."""
    if folder in _ready:
        return
    os.makedirs(folder, exist_ok=True)
    remove_stale_temp_files(Path(folder))
    with _live_lock:
        _ready.add(folder)


def _open_temp(folder: str, name: str, mode: int) -> tuple[int, str]:
    """Create a new temporary file for ``name`` in ``folder`` (made when missing)."""
    _ready_folder(folder)
    prefix = os.path.join(folder, f".{name}.{os.getpid()}.")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    retried = False
    while True:
        temp = f"{prefix}{os.urandom(4).hex()}{TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue
        except FileNotFoundError:
            if retried:
                raise
            retried = True  # the folder went away since this run made it: make it again
            with _live_lock:
                _ready.discard(folder)
            _ready_folder(folder)


class _Temp:
    """A temporary file being written: its descriptor, its path, and whether it has been
    renamed over its target yet (then there is nothing to remove)."""

    __slots__ = ("fd", "path", "renamed")

    def __init__(self, fd: int, path: str) -> None:
        self.fd, self.path, self.renamed = fd, path, False


@contextlib.contextmanager
def _temp_file(target: Path) -> Iterator[_Temp]:
    """Open a new temporary file beside ``target``; remove it unless it was renamed."""
    absolute = os.path.abspath(target)
    folder, name = os.path.split(absolute)
    fd, temp = _open_temp(folder, name, file_mode())
    with _live_lock:
        _live.add(temp)
    handle = _Temp(fd, temp)
    try:
        yield handle
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
        with _live_lock:
            _live.discard(temp)
        if not handle.renamed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


@contextlib.contextmanager
def _temp_beside(target: Path) -> Iterator[tuple[int, Path]]:
    """Open a new temporary file beside ``target``; remove it unless it was renamed."""
    with _temp_file(target) as handle:
        yield handle.fd, Path(handle.path)


def _finish(handle: _Temp, target: Path, durable: bool) -> None:
    fd = handle.fd
    os.fchmod(fd, file_mode())  # the mode the umask gives, whatever the open left
    # The rename alone makes the write atomic for every reader and against a killed
    # process: the target is the old file or the whole new one. ``durable`` also flushes
    # the data to disk before the name changes, so that a power cut cannot leave a
    # truncated file either; it costs ~10 ms a file here, so only the TEI (the editor's
    # files) asks for it, not the outputs a build can make again.
    if durable:
        os.fsync(fd)
    os.replace(handle.path, target)
    handle.renamed = True


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomically(data: bytes, target: Path, *, durable: bool = False) -> None:
    """Write ``data`` to ``target`` whole or not at all.

    The bytes go to a temporary file in the target's folder, which is given the umask's
    mode and renamed over the target. Missing parent folders are made.

    Args:
        data: the bytes to write.
        target: the file to create or replace.
        durable: also flush the data to disk before the rename (survives a power cut).

    Raises:
        OutputError: carrying a ``write-failed`` problem, when the folder or file cannot be
            written (read-only, full disk, no permission); nothing is left behind.
    """
    try:
        with _temp_file(target) as handle:
            _write_all(handle.fd, data)
            _finish(handle, target, durable)
    except OSError as exc:
        raise OutputError(os_problem(target, exc, "cannot write the file", "write-failed")) from exc


def copy_atomically(source: Path, target: Path, *, durable: bool = False) -> None:
    """Copy the file ``source`` to ``target`` whole or not at all (see :func:`write_atomically`).

    Args:
        source: a regular file.
        target: the file to create or replace.

    Raises:
        InputError: when ``source`` cannot be read (see :func:`read_input`'s checks).
        OutputError: when ``target`` cannot be written; nothing is left behind.
    """
    problem = check_input(source)
    if problem is not None:
        raise InputError(problem)
    try:
        reader = open(source, "rb")  # noqa: SIM115 - closed below, errors told apart
    except OSError as exc:
        raise InputError(os_problem(source, exc, "cannot read the file", "unreadable")) from exc
    with reader:
        try:
            with _temp_file(target) as handle:
                while True:
                    try:
                        chunk = reader.read(COPY_CHUNK)
                    except OSError as exc:
                        raise InputError(
                            os_problem(source, exc, "cannot read the file", "unreadable")
                        ) from exc
                    if not chunk:
                        break
                    _write_all(handle.fd, chunk)
                _finish(handle, target, durable)
        except OSError as exc:
            raise OutputError(
                os_problem(target, exc, "cannot write the file", "write-failed")
            ) from exc


# --- signals -----------------------------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """Raised in the main thread when SIGTERM or SIGHUP arrives (see
    :func:`handle_termination`): the run ends as on Ctrl-C, and clean-up code runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def handle_termination() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`Terminated` in the main thread.

    Every ``finally`` then runs as on Ctrl-C: temporary files are removed and what was done
    can be reported. Outside the main thread this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, _terminate) for s in wanted}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
