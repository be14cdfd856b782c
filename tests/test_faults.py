"""Faults of the file system and of the run, injected one at a time (issue 9).

Each test asserts the one-line message, the exit code of the table in teikit.errors, that no
traceback (nor click's "Aborted!") is printed, that no partial or temporary file is left,
and that the other inputs of the batch were still handled. Faults that a root user cannot
meet for real (a permission denied, a read-only folder) and a disk that fills mid-write are
injected by patching the one place teikit writes or opens files (teikit.files); a FIFO,
/dev/full, a closed pipe, SIGTERM, SIGINT and SIGKILL are real.
"""

from __future__ import annotations

import errno
import os
import select
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NS, REPO, TEI_DIR
from lxml import etree

import teikit.files
from teikit.cli import main
from teikit.errors import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OUTPUT, EXIT_USAGE

TEI_FILE = sorted(TEI_DIR.glob("*.xml"))[0]
OTHER_TEI = sorted(TEI_DIR.glob("*.xml"))[1]
TIMEOUT = 60


def page(number: int) -> str:
    """Invented page text of a modern FRUS document numbered ``number``."""
    return (
        f"{number}. Memorandum From the Secretary to the President\n\n"
        "The text runs here, and nowhere else.\n"
    )


def pages(folder: Path, *numbers: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in numbers:
        path = folder / f"page{number}.txt"
        path.write_text(page(number), encoding="utf-8")
        made.append(path)
    return made


def cli(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess:
    """Run the real command in a child process (stdin closed; a hang fails the test)."""
    options: dict[str, object] = {
        "capture_output": True,
        "timeout": TIMEOUT,
        "check": False,
        "stdin": subprocess.DEVNULL,
        "cwd": REPO,
    }
    options.update(kwargs)
    if "stdout" in kwargs:
        options.pop("capture_output")
        options["stderr"] = subprocess.PIPE
    return subprocess.run([sys.executable, "-m", "teikit.cli", *map(str, args)], **options)  # type: ignore[call-overload]


def errors_of(stderr: str | bytes) -> list[str]:
    """The lines of standard error, after checking that none is a traceback or "Aborted!"."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text and "Aborted!" not in text, text
    assert "Exception ignored" not in text, text
    return text.splitlines()


def leftovers(folder: Path) -> list[Path]:
    """Temporary files anywhere under ``folder``."""
    return [p for p in folder.rglob("*") if p.name.endswith((".teikit-tmp", ".tmp"))]


# --- inputs that are not regular files -------------------------------------------------


@pytest.fixture()
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.xml"
    os.mkfifo(path)
    return path


def test_a_fifo_among_convert_inputs_is_refused_at_once(tmp_path: Path, fifo: Path) -> None:
    good = pages(tmp_path / "in", 5, 6)
    out = tmp_path / "out"
    result = cli("convert", good[0], fifo, good[1], "-o", out)
    lines = errors_of(result.stderr.decode())
    assert result.returncode == EXIT_USAGE
    assert (
        f"error: {fifo}: is a named pipe (FIFO), not a regular file; not read (give a "
        "regular file)" in lines
    )
    assert lines[-1] == f"converted 2 of 3 files into {out}; 1 failed"
    assert sorted(p.name for p in out.iterdir()) == ["frus-d5.xml", "frus-d6.xml"]


def test_a_fifo_is_refused_by_validate_render_and_cite(tmp_path: Path, fifo: Path) -> None:
    checked = cli("validate", fifo, TEI_FILE)
    assert checked.returncode == EXIT_USAGE
    assert (
        f"{fifo}: error[unreadable]: is a named pipe (FIFO), not a regular file; not read "
        "(give a regular file)" in checked.stdout.decode()
    )
    assert (
        checked.stdout.decode().splitlines()[-1]
        == "1 file checked: 1 error, 0 warnings; 1 not readable or refused"
    )

    site = tmp_path / "site"
    rendered = cli("render", "--to", "text", fifo, TEI_FILE, "-o", site)
    lines = errors_of(rendered.stderr)
    assert rendered.returncode == EXIT_USAGE
    assert lines[0].startswith(f"error: {fifo}: is a named pipe (FIFO)")
    assert (site / f"{TEI_FILE.stem}.text.txt").is_file()

    cited = cli("cite", fifo, TEI_FILE)
    assert cited.returncode == EXIT_USAGE
    assert errors_of(cited.stderr)[0].startswith(f"error: {fifo}: is a named pipe (FIFO)")
    assert cited.stdout.decode().count("\n") == 1  # the other file's citation


def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    result = cli("convert", "/dev/zero", "-o", tmp_path / "out")
    assert result.returncode == EXIT_USAGE
    assert errors_of(result.stderr) == [
        "error: /dev/zero: is a character device, not a regular "
        "file; not read (give a regular file)"
    ]


# --- unreadable files, odd names --------------------------------------------------------


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path, err: int = errno.EACCES) -> None:
    """Make opening ``denied`` fail as for a file of mode 000 (root reads any file)."""
    real_open = os.open

    def fake_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(os.fsdecode(path)) == denied:  # type: ignore[arg-type]
            raise PermissionError(err, os.strerror(err), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(teikit.files.os, "open", fake_open)


def test_one_unreadable_file_among_many_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = pages(tmp_path / "in", 1, 2, 3, 4)
    _deny(monkeypatch, inputs[1])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", *map(str, inputs), "-o", str(out)])
    assert result.exit_code == EXIT_USAGE
    lines = errors_of(result.stderr)
    assert (
        f"error: {inputs[1]}: cannot read the file (Permission denied) (check the "
        "permissions)" in lines
    )
    assert lines[-1] == f"converted 3 of 4 files into {out}; 1 failed"
    assert sorted(p.name for p in out.iterdir()) == ["frus-d1.xml", "frus-d3.xml", "frus-d4.xml"]


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads a file of mode 000; the test above injects the same fault"
)
def test_a_mode_000_file_is_one_line(tmp_path: Path) -> None:  # pragma: no cover - not root
    inputs = pages(tmp_path / "in", 1, 2)
    inputs[0].chmod(0)
    result = cli("convert", *inputs, "-o", tmp_path / "out")
    assert result.returncode == EXIT_USAGE
    assert (
        f"error: {inputs[0]}: cannot read the file (Permission denied)"
        in errors_of(result.stderr)[0]
    )


def test_odd_file_names_are_escaped_in_messages_and_in_the_tei(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    latin = os.path.join(os.fsencode(folder), b"caf\xe9-8.txt")
    with open(latin, "wb") as stream:
        stream.write(page(8).encode("utf-8"))
    bell = folder / "bell\x07-9.txt"
    bell.write_text(page(9), encoding="utf-8")
    empty = folder / "empty\x1b[31m.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    result = cli("convert", os.fsdecode(latin), bell, empty, "-o", out)
    lines = errors_of(result.stderr)
    assert result.returncode == EXIT_FINDINGS
    assert (
        f"error: {folder}/empty\\x1b[31m.txt: the file is empty (give the text of one "
        "FRUS document)" in lines
    )
    assert lines[-1] == f"converted 2 of 3 files into {out}; 1 failed"
    names = {}
    for path in sorted(out.iterdir()):
        root = etree.parse(str(path)).getroot()
        names[path.name] = root.findtext(".//tei:title[@type='file']", namespaces=NS)
    assert names == {"frus-d8.xml": "caf\\xe9-8.txt", "frus-d9.xml": "bell\\x07-9.txt"}
    warned = [line for line in lines if "caf" in line]
    assert warned and all("caf\\xe9-8.txt" in line for line in warned)


# --- numeric options --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"), [("--doc", "-5"), ("--doc", "0"), ("--first-page", "-3")]
)
def test_numbers_out_of_range_are_refused_in_one_line(
    tmp_path: Path, option: str, value: str
) -> None:
    source = pages(tmp_path, 1)[0]
    result = cli("convert", source, option, value)
    assert result.returncode == EXIT_USAGE
    assert errors_of(result.stderr) == [
        f"error: Invalid value for '{option}': {value} is not "
        "in the range x>=1. (see teikit convert --help)"
    ]
    assert result.stdout == b""


def test_a_port_out_of_range_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", str(tmp_path), "--port", "70000"])
    assert result.exit_code == EXIT_USAGE
    assert "is not in the range 0<=x<=65535" in result.stderr


# --- outputs that cannot be written ----------------------------------------------------


def test_a_read_only_output_folder_is_one_line_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = pages(tmp_path / "in", 1, 2)
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open

    def read_only(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT and Path(os.fsdecode(path)).parent == out:  # type: ignore[arg-type]
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(teikit.files.os, "open", read_only)
    result = CliRunner().invoke(main, ["convert", *map(str, inputs), "-o", str(out)])
    assert result.exit_code == EXIT_OUTPUT
    assert [n for n in errors_of(result.stderr) if not n.startswith("warning:")] == [
        f"error: {out}/frus-d1.xml: cannot write the file (Read-only file system) (the file "
        "system is read-only; write somewhere else)",
        f"error: {out}/frus-d2.xml: cannot write the file (Read-only file system) (the file "
        "system is read-only; write somewhere else)",
        f"converted 0 of 2 files into {out}; 2 failed",
    ]
    assert list(out.iterdir()) == []


def _fill_disk_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The disk fills half-way through writing the file ``name``."""
    real = teikit.files._write_all

    def half_then_full(fd: int, data: bytes | memoryview) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}")
        if f".{name}." in target:
            real(fd, bytes(data)[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)

    monkeypatch.setattr(teikit.files, "_write_all", half_then_full)


def test_a_full_disk_mid_write_leaves_no_file_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = pages(tmp_path / "in", 1, 2, 3)
    out = tmp_path / "out"
    _fill_disk_on(monkeypatch, "frus-d2.xml")
    result = CliRunner().invoke(main, ["convert", *map(str, inputs), "-o", str(out)])
    assert result.exit_code == EXIT_OUTPUT
    lines = errors_of(result.stderr)
    assert (
        f"error: {out}/frus-d2.xml: cannot write the file (No space left on device) (the "
        "disk is full; free some space and run again)" in lines
    )
    assert lines[-1] == f"converted 2 of 3 files into {out}; 1 failed"
    assert sorted(p.name for p in out.iterdir()) == ["frus-d1.xml", "frus-d3.xml"]


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "x.xml"
    teikit.files.write_atomically(b"old", target)

    def no_rename(src: object, dst: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(teikit.files.os, "replace", no_rename)
    with pytest.raises(teikit.files.OutputError, match="Input/output error"):
        teikit.files.write_atomically(b"new", target)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_render_copies_the_tei_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    _fill_disk_on(monkeypatch, f"{TEI_FILE.stem}.xml")
    result = CliRunner().invoke(
        main, ["render", "--to", "html", str(TEI_FILE), str(OTHER_TEI), "-o", str(site)]
    )
    assert result.exit_code == EXIT_OUTPUT
    lines = errors_of(result.stderr)
    assert (
        f"error: {site}/{TEI_FILE.stem}.xml: cannot write the file (No space left on "
        "device) (the disk is full; free some space and run again)" in lines
    )
    assert not (site / f"{TEI_FILE.stem}.xml").exists()
    assert (site / f"{OTHER_TEI.stem}.xml").read_bytes() == OTHER_TEI.read_bytes()
    assert (site / "index.html").is_file()
    assert leftovers(site) == []


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_written_and_copied_files_follow_the_umask(tmp_path: Path, umask: int) -> None:
    site = tmp_path / "site"
    result = cli("render", "--to", "html", TEI_FILE, "-o", site, preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0, result.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in site.iterdir()}
    assert f"{TEI_FILE.stem}.xml" in modes and "index.html" in modes
    assert set(modes.values()) == {0o666 & ~umask}, modes


def test_dev_full_as_standard_output_is_one_line(tmp_path: Path) -> None:
    source = pages(tmp_path, 1)[0]
    for args in (["convert", source], ["cite", TEI_FILE], ["validate", TEI_FILE]):
        with open("/dev/full", "wb") as full:
            result = cli(*args, stdout=full)
        assert result.returncode == EXIT_OUTPUT, args
        assert errors_of(result.stderr)[-1] == (
            "error: <standard output>: cannot write to standard output (No space left on "
            "device) (the disk is full; free some space and run again)"
        ), args


def test_a_closed_pipe_as_standard_output_is_one_line() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = cli("cite", "--format", "bibtex", *sorted(TEI_DIR.glob("*.xml")), stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == EXIT_OUTPUT
    assert errors_of(result.stderr) == [
        "error: <standard output>: cannot write to standard "
        "output (Broken pipe) (the reader of the output went "
        "away)"
    ]


# --- interrupted runs -------------------------------------------------------------------

#: A child that runs ``teikit convert`` with writes slowed down: half of each file, then a
#: long pause (the window in which a signal finds a temporary file on disk).
SLOW_CONVERT = """
import sys, time
import teikit.files as files
real = files._write_all
def slow(fd, data):
    real(fd, bytes(data)[: len(data) // 2])
    sys.stderr.write("writing\\n"); sys.stderr.flush()
    time.sleep(60)
    real(fd, bytes(data)[len(data) // 2:])
files._write_all = slow
from teikit.cli import main
main(sys.argv[1:], prog_name="teikit")
"""


def _slow_convert(*args: str | Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", SLOW_CONVERT, "convert", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )


def _wait_for_temp(folder: Path, child: subprocess.Popen) -> Path:
    """Wait until the child says it is in the middle of a write; return its temporary file."""
    assert child.stderr is not None
    ready, _, _ = select.select([child.stderr], [], [], TIMEOUT)
    if not ready:
        child.kill()
        raise AssertionError("the child never started writing")
    line = child.stderr.readline()
    assert line == b"writing\n", line + child.communicate()[1]
    found = leftovers(folder)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, EXIT_INTERRUPTED)]
)
def test_a_signal_mid_write_removes_the_temporary_and_reports(
    tmp_path: Path, signum: int, code: int
) -> None:
    inputs = pages(tmp_path / "in", 1, 2)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    child = _slow_convert(empty, *inputs, "-o", out)
    temp = _wait_for_temp(out, child)
    assert temp.name.startswith(".frus-d1.xml.") and temp.stat().st_size > 0
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=TIMEOUT)
    lines = errors_of(stderr)
    assert child.returncode == code
    assert f"error: {empty}: the file is empty (give the text of one FRUS document)" in lines
    assert lines[-1] == "interrupted after 0 of 3 input(s); 1 error(s) until then"
    assert list(out.iterdir()) == []


def test_a_killed_run_leaves_a_temporary_that_the_next_run_removes(tmp_path: Path) -> None:
    inputs = pages(tmp_path / "in", 1)
    out = tmp_path / "out"
    child = _slow_convert(*inputs, "-o", out)
    temp = _wait_for_temp(out, child)
    child.kill()  # SIGKILL: no clean-up can run
    child.communicate(timeout=TIMEOUT)
    assert temp.exists()
    # A temporary of a process still running is not touched.
    alive = out / f".other.xml.{os.getpid()}.0123abcd.teikit-tmp"
    alive.write_bytes(b"")
    other = pages(tmp_path / "more", 2)
    result = cli("convert", other[0], "-o", out)
    assert result.returncode == 0, result.stderr
    assert not temp.exists() and alive.exists()
    assert sorted(p.name for p in out.iterdir()) == [alive.name, "frus-d2.xml"]


# --- documents that Saxon's parser would fail on ----------------------------------------


def _nested(tmp_path: Path, depth: int) -> Path:
    text = TEI_FILE.read_text(encoding="utf-8")
    head, sep, tail = text.partition("<p>")
    assert sep
    deep = tmp_path / f"deep{depth}.xml"
    deep.write_text(head + sep + "<hi>" * depth + "x" + "</hi>" * depth + tail, encoding="utf-8")
    return deep


def test_deep_nesting_is_one_line_and_the_others_are_handled(tmp_path: Path) -> None:
    deep = _nested(tmp_path, 150)
    site = tmp_path / "site"
    rendered = cli("render", "--to", "html", deep, TEI_FILE, "-o", site)
    lines = errors_of(rendered.stderr)
    assert rendered.returncode == EXIT_USAGE
    assert lines[0].startswith(f"error: {deep}:") and "nest more than 100 levels" in lines[0]
    assert len(lines) == 2  # the error and the summary
    assert (site / f"{TEI_FILE.stem}.html").is_file()
    cited = cli("cite", deep, TEI_FILE)
    assert cited.returncode == EXIT_USAGE
    assert len(errors_of(cited.stderr)) == 1
    assert cited.stdout.decode().count("\n") == 1


def test_an_entity_used_only_in_an_attribute_is_refused_in_one_line(tmp_path: Path) -> None:
    text = TEI_FILE.read_text(encoding="utf-8")
    head, sep, tail = text.partition("<TEI ")
    tricky = tmp_path / "tricky.xml"
    tricky.write_text(
        head
        + '<!DOCTYPE TEI [<!ENTITY v "x">]>'
        + sep
        + tail.replace('xml:lang="en"', 'xml:lang="&v;"', 1),
        encoding="utf-8",
    )
    assert "&v;" in tricky.read_text(encoding="utf-8")
    for args in (
        ["cite", tricky, TEI_FILE],
        ["render", "--to", "text", tricky, TEI_FILE, "-o", tmp_path / "out"],
    ):
        result = cli(*args)
        lines = errors_of(result.stderr)
        assert result.returncode == EXIT_USAGE, args
        assert (
            lines[0].startswith(f"error: {tricky}:")
            and "refused: the DOCTYPE declares entities ('v')" in lines[0]
        ), lines
    assert (tmp_path / "out" / f"{TEI_FILE.stem}.text.txt").is_file()


def test_a_fifo_given_as_the_catalog_is_refused_at_once(tmp_path: Path, fifo: Path) -> None:
    source = pages(tmp_path / "in", 1)[0]
    result = cli("convert", source, "--catalog", fifo)
    assert result.returncode == EXIT_USAGE
    assert errors_of(result.stderr) == [
        f"error: {fifo}: cannot read the catalog: is a named pipe (FIFO), not a regular file; "
        "not read"
    ]
    assert result.stdout == b""


@pytest.mark.parametrize("args", [["convert", "PAGE"], ["validate", TEI_FILE], ["cite", TEI_FILE]])
def test_a_closed_standard_output_is_one_line(tmp_path: Path, args: list[str | Path]) -> None:
    source = pages(tmp_path, 1)[0]
    command = [source if a == "PAGE" else a for a in args]
    result = subprocess.run(
        [sys.executable, "-m", "teikit.cli", *map(str, command)],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=REPO,
        timeout=TIMEOUT,
        check=False,
        pass_fds=(),
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == EXIT_OUTPUT
    assert errors_of(result.stderr)[-1] == (
        "error: <standard output>: cannot write to standard output (it is closed) (give the "
        "command somewhere to write, e.g. > FILE)"
    )


def test_a_socket_among_the_inputs_is_refused(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock = tmp_path / "s.xml"
    server.bind(str(sock))
    try:
        result = CliRunner().invoke(main, ["validate", str(sock), str(TEI_FILE)])
    finally:
        server.close()
    assert result.exit_code == EXIT_USAGE
    assert result.stdout.splitlines()[0] == (
        f"{sock}: error[unreadable]: is a socket, not a regular file; not read (give a "
        "regular file)"
    )


def test_a_fifo_in_a_build_folder_is_refused_and_the_rest_is_built(tmp_path: Path) -> None:
    # A named pipe where the build reads a page text, a catalog of a sub-folder, and the
    # TEI folder's record: each is refused at once with its own line, the rest is built.
    folder = tmp_path / "pages"
    pages(folder, 1, 2)
    os.mkfifo(folder / "pipe.txt")
    pages(folder / "vol", 3)
    os.mkfifo(folder / "vol" / "catalog.toml")
    tei, out = tmp_path / "tei", tmp_path / "site"
    result = cli("build", folder, "--tei", tei, "--out", out, "--jobs", "1")
    lines = errors_of(result.stderr)
    assert result.returncode == EXIT_USAGE, lines
    pipe = folder / "pipe.txt"
    assert (
        f"error: {pipe}: is a named pipe (FIFO), not a regular file; not read (give a "
        "regular file)" in lines
    ), lines
    assert any(str(folder / "vol" / "catalog.toml") in line for line in lines), lines
    assert {"frus-d1.xml", "frus-d2.xml"} <= {p.name for p in tei.glob("*.xml")}
    assert (out / "frus-d1.html").is_file()
    assert not leftovers(tmp_path)
    # The TEI folder's own record as a pipe: one line, nothing hangs.
    record = tei / ".teikit-manifest.json"
    record.unlink()
    os.mkfifo(record)
    again = cli("build", folder, "--tei", tei, "--out", out, "--jobs", "1")
    lines = errors_of(again.stderr)
    assert again.returncode != 0
    assert any(f"{record}: cannot read teikit's record" in line for line in lines), lines
