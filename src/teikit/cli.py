"""The ``teikit`` command line: a thin layer over the library.

Each command makes one library call and reports what it returns. Every command runs under
:func:`reported`, the one place where errors become messages and exit codes: a
:class:`~teikit.errors.TeikitError` ends the command with its class's ``exit_code``, a batch
ends with the gravest code among its problems (:func:`teikit.errors.exit_code_of`, the table
:data:`teikit.errors.EXIT_CODES`), Ctrl-C and SIGTERM print what was found until then and
exit 130 (143), and a closed or full standard output is one line, exit 3. Every message is
one line, with names that are not printable shown escaped; no traceback is printed.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from teikit import __version__
from teikit.errors import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    Interrupted,
    OutputError,
    Problem,
    TeikitError,
    exit_code_of,
    fold_repeats,
    one_line,
)
from teikit.files import Terminated, escape_text, handle_termination, os_problem

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_OUTPUT", "EXIT_USAGE", "main", "reported"]

STDOUT_NAME = "<standard output>"


def _say(text: str) -> None:
    """Write one line on standard error: escaped, never more than one line."""
    line = escape_text(one_line(text)) + "\n"
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error itself is gone: nothing more to do
        pass


def _warn(problem: Problem | str) -> None:
    _say(f"warning: {problem}")


def _error(message: Problem | str | Exception) -> None:
    _say(f"error: {message}")


def _report(errors: Iterable[Problem], warnings: Iterable[Problem] = ()) -> None:
    for problem in fold_repeats(warnings):
        _warn(problem)
    for problem in errors:
        _error(problem)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush at exit
    cannot fail a second time (and print a traceback) after a write error."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def write_stdout(data: bytes) -> None:
    """Write bytes on standard output and flush them.

    Raises:
        OutputError: when standard output is closed (EPIPE) or its device is full (ENOSPC).
    """
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise OutputError(
            Problem(
                STDOUT_NAME,
                None,
                "cannot write to standard output (it is closed)",
                "give the command somewhere to write, e.g. > FILE",
                "write-failed",
            )
        )
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as exc:
        _silence_stdout()
        raise OutputError(
            os_problem(STDOUT_NAME, exc, "cannot write to standard output", "write-failed")
        ) from exc


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        raise OutputError(
            os_problem(STDOUT_NAME, exc, "cannot write to standard output", "write-failed")
        ) from exc


def reported(command: Callable[..., int]) -> Callable[..., None]:
    """Run a command function and end the process with the exit code it returns.

    The function returns its exit code. Whatever it raises becomes one line and an exit
    code: :class:`~teikit.errors.Interrupted` (its problems, then ``interrupted``, 130),
    a bare Ctrl-C or SIGTERM (``interrupted``, 130 or 143), a :class:`TeikitError` (its
    message, its class's ``exit_code``), an ``OSError`` (a file-system fault, 3).
    """

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        with handle_termination():
            try:
                code = command(*args, **kwargs)
                _flush_stdout()
            except Interrupted as exc:
                _report(exc.errors, exc.warnings)
                total = f" of {exc.total}" if exc.total is not None else ""
                _say(
                    f"interrupted after {exc.done}{total} input(s); "
                    f"{len(exc.errors)} error(s) until then"
                )
                code = exc.exit_code
            except KeyboardInterrupt as exc:
                _say("interrupted")
                code = 128 + exc.signum if isinstance(exc, Terminated) else EXIT_INTERRUPTED
            except OutputError as exc:
                _error(exc.problem)
                code = exc.exit_code
            except TeikitError as exc:
                _error(exc)
                code = exc.exit_code
            except OSError as exc:  # a file-system fault the library did not foresee
                if exc.filename is None:  # click.echo's output, flushed as it ran
                    _silence_stdout()
                    _error(
                        os_problem(
                            STDOUT_NAME, exc, "cannot write to standard output", "write-failed"
                        )
                    )
                else:
                    _error(os_problem(exc.filename, exc, "file-system error", "write-failed"))
                code = EXIT_OUTPUT
        sys.exit(code)

    return run


#: click 8.2 raises this usage error for a bare ``teikit`` (it shows the help); 8.1 exits 0.
_NO_ARGS_IS_HELP: type[click.UsageError] = getattr(
    click.exceptions, "NoArgsIsHelpError", type("_NeverRaised", (click.UsageError,), {})
)


class OneLineGroup(click.Group):
    """The ``teikit`` group: click's usage errors become one line, Ctrl-C never "Aborted!".

    A bad option (``--doc -5``) or argument ends with ``error: <what> (see teikit CMD
    --help)`` and exit 2; a missing sub-command shows the help.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except _NO_ARGS_IS_HELP as exc:
            exc.show()
            code = exc.exit_code
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else "teikit"
            _error(f"{exc.format_message()} (see {command} --help)")
            code = exc.exit_code
        except click.ClickException as exc:
            _error(exc.format_message())
            code = exc.exit_code
        except click.Abort:  # Ctrl-C while click itself was reading input
            _say("interrupted")
            code = EXIT_INTERRUPTED
        sys.exit(code if isinstance(code, int) else EXIT_OK)


@click.group(cls=OneLineGroup)
@click.version_option(__version__, prog_name="teikit")
def main() -> None:
    """teikit: TEI-XML digital editions of FRUS documents.

    Convert history.state.gov page text into TEI, validate it, and render it to
    HTML, plain text and citations.
    """


# --- convert -------------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write DIR/<id>.xml for each input (required for several inputs).",
)
@click.option(
    "--catalog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Catalog TOML giving volume, document number and first page per input "
    "[default: catalog.toml beside each input, when present].",
)
@click.option("--volume", help="Volume id, e.g. frus1958-60v19 (overrides the catalog).")
@click.option(
    "--doc",
    "doc_number",
    type=click.IntRange(min=1),
    help="Document number, 1 or more (overrides the text).",
)
@click.option(
    "--first-page",
    type=click.IntRange(min=1),
    help="Printed page the document starts on, 1 or more.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--no-self-check",
    "no_self_check",
    is_flag=True,
    help="Write the TEI even when it does not hold every word, note and page marker "
    "of the input (the check reports a converter fault; use only to inspect it).",
)
@reported
def convert(
    inputs: tuple[Path, ...],
    output_dir: Path | None,
    catalog: Path | None,
    volume: str | None,
    doc_number: int | None,
    first_page: int | None,
    strict: bool,
    no_self_check: bool,
) -> int:
    """Convert FRUS page text files into TEI.

    One input without -o prints the TEI on standard output; with -o DIR each
    input becomes DIR/<id>.xml, written whole or not at all. Every input is
    tried; the problems are listed one per line, then a summary.

    Example:

        teikit convert seeds/*.txt -o tei/

        teikit convert page.txt --volume frus1958-60v19 --doc 352 --first-page 721
    """
    from teikit.convert import ConvertOptions, convert_many

    if output_dir is None and len(inputs) > 1:
        _error("several inputs need -o DIR (one input without -o prints the TEI)")
        return EXIT_USAGE
    options = ConvertOptions(
        catalog=catalog,
        volume=volume,
        doc_number=doc_number,
        first_page=first_page,
        strict=strict,
        self_check=not no_self_check,
    )
    try:
        batch = convert_many(list(inputs), options=options, output_dir=output_dir)
    except Interrupted as exc:
        exc.total = len(inputs)
        raise
    _report(batch.errors, batch.warnings)
    if output_dir is None and batch.results:
        write_stdout(batch.results[0].to_bytes())
    if output_dir is not None and len(inputs) > 1:
        _say(
            f"converted {len(batch.results)} of {len(inputs)} files into {output_dir}"
            + (f"; {len(batch.errors)} failed" if batch.errors else "")
        )
    return exit_code_of(batch.errors)


# --- validate (issue 3) ----------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--schema",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A RELAX NG schema (.rng) to use instead of teikit's own, e.g. tei_all.rng.",
)
@click.option("--no-rules", is_flag=True, help="Skip teikit's Schematron rules.")
@click.option(
    "--edition",
    is_flag=True,
    help="The files are an edition's own (e.g. teikit's tei/): also check that each "
    "TEI/@xml:id is its file's name.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per finding; json: for machines.",
)
@reported
def validate(
    paths: tuple[Path, ...],
    schema: Path | None,
    no_rules: bool,
    edition: bool,
    strict: bool,
    fmt: str,
) -> int:
    """Validate TEI files against teikit's grammar and rules.

    PATHS are files or folders (searched recursively for *.xml). Every finding in
    every file is printed as path:line:col: severity[rule-id]: message, then a
    summary line. Exit 0 when valid (warnings allowed unless --strict), 1 when
    there are findings, 2 when a file cannot be read, parsed, or is refused as
    unsafe XML (the other files are still checked).

    Example:

        teikit validate tei/

        teikit validate tei/ --schema tei_all.rng --format json
    """
    from teikit.validation import validate_paths

    report = validate_paths(list(paths), schema=schema, rules=not no_rules, edition=edition)
    if fmt == "json":
        write_stdout((report.to_json(strict=strict) + "\n").encode("utf-8"))
    else:
        text = "".join(escape_text(line) + "\n" for line in report.text_lines())
        write_stdout(text.encode("utf-8"))
    return exit_code_of(report.findings, strict=strict)


# --- render and cite (issue 4) ---------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "to",
    required=True,
    type=click.Choice(["html", "text", "page-text"]),
    help="html: one page per document, with index.html, teikit.css, the TEI and "
    "citation files; text: reading text (<id>.text.txt); page-text: the "
    "history.state.gov page text (<id>.page.txt).",
)
@click.option(
    "-o",
    "--output-dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write into (made when missing).",
)
@reported
def render(paths: tuple[Path, ...], to: str, output_dir: Path) -> int:
    """Render TEI files, or folders of them, to HTML, reading text or page text.

    Every input is rendered even when another fails; the failures are listed at the end.
    Exit code 1 when a stylesheet failed on a document, 2 when an input is missing or
    not a TEI file, 3 when an output could not be written.

    Example:

        teikit render --to html tei/ -o build/site

        teikit render --to page-text tei/frus1958-60v19-d352.xml -o out/
    """
    from teikit.render import render_paths

    report = render_paths(list(paths), to, output_dir)
    _report(report.errors)
    _say(
        f"rendered {len(report.rendered)} document(s) to {to} in {output_dir}"
        + (f"; {len(report.errors)} problem(s)" if report.errors else "")
    )
    return exit_code_of(report.errors)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    default="chicago",
    show_default=True,
    type=click.Choice(["chicago", "bibtex", "ris", "csl-json"]),
    help="Citation format.",
)
@click.option(
    "--form",
    default="note",
    show_default=True,
    type=click.Choice(["note", "bibliography"]),
    help="Chicago only: a full note or a bibliography entry.",
)
@reported
def cite(paths: tuple[Path, ...], fmt: str, form: str) -> int:
    """Print citations of TEI documents on standard output.

    Chicago follows the Office of the Historian's form for FRUS (Document N from the
    1955-57 subseries on, pages before). Several files give one citation each, in
    order; for csl-json, one array holding every item.

    Example:

        teikit cite tei/frus1958-60v19-d352.xml

        teikit cite --format chicago --form bibliography tei/*.xml

        teikit cite --format csl-json tei/*.xml > frus.json
    """
    from teikit.cite import CiteError, cite_paths

    try:
        text = cite_paths(list(paths), fmt, form=form)
    except CiteError as exc:  # the other files' citations are still printed
        write_stdout(exc.text.encode("utf-8"))
        _report(exc.problems)
        return exit_code_of(exc.problems)
    write_stdout(text.encode("utf-8"))
    return EXIT_OK


# --- build and serve (issue 4) ---------------------------------------------------------


@main.command()
@click.argument("pages", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--tei",
    "tei_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of the TEI files [default: ROOT/tei].",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of the built edition [default: ROOT/build].",
)
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="The project folder: PAGES defaults to ROOT/seeds.",
)
@click.option(
    "--catalog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Catalog TOML for every page [default: catalog.toml beside each page].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes, at most [default: the CPUs this process may use; "
    "small folders use fewer].",
)
@click.option(
    "--reconvert",
    is_flag=True,
    help="Convert every page again and replace its TEI, even TEI edited by hand.",
)
@reported
def build(
    pages: Path | None,
    tei_dir: Path | None,
    out_dir: Path | None,
    root: Path,
    catalog: Path | None,
    jobs: int | None,
    reconvert: bool,
) -> int:
    """Make the whole edition: convert PAGES into TEI, validate it, write the site.

    PAGES is a folder of page texts (*.txt, sub-folders too), with or without a
    catalog.toml. The TEI goes into --tei and stays the editor's: a TEI file that was
    changed by hand is kept (and reported when its page text changed too) unless
    --reconvert is given. --out receives the HTML site (index.html, volume pages, one
    page per document, teikit.css, the TEI and citation files), the reading texts
    (text/), the page texts (page-text/), the volume files and the DTS tree; outputs
    whose inputs did not change are not written again.

    Example:

        teikit build

        teikit build my-pages/ --tei my-tei/ --out site/ --jobs 2
    """
    from teikit.build import BuildLayout, build_edition, default_jobs

    layout = BuildLayout(
        pages if pages is not None else root / "seeds",
        tei_dir if tei_dir is not None else root / "tei",
        out_dir if out_dir is not None else root / "build",
    )
    bar = None
    labels = {"convert": "converting", "validate": "validating", "render": "rendering"}
    interactive = sys.stderr.isatty()

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal bar
        if not interactive:
            return
        if bar is None or bar.label != labels[stage]:
            if bar is not None:
                bar.render_finish()
            bar = click.progressbar(length=total, label=labels[stage], file=sys.stderr)
            bar.label = labels[stage]
        bar.update(done - bar.pos)
        if done == total:
            bar.render_finish()

    report = build_edition(
        layout, jobs=jobs or default_jobs(), reconvert=reconvert, catalog=catalog, progress=progress
    )
    for problem in fold_repeats(report.warnings):
        _warn(problem)
    for finding in report.validation_findings:
        _error(finding)
    for problem in report.errors:
        _error(problem)
    removed = report.files_removed
    _say(
        f"built {report.documents} documents ({report.notes} notes, {report.pages} page "
        f"breaks), {report.files_written} files written in {layout.out_dir}; "
        f"{f'{removed} outputs it no longer makes removed; ' if removed else ''}"
        f"{len(report.warnings)} warnings, "
        f"{len(report.errors) + len(report.validation_findings)} errors; "
        f"{report.seconds:.1f} s"
    )
    if report.ok:
        return EXIT_OK
    return max(EXIT_FINDINGS, exit_code_of(report.errors))


@main.command()
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False, exists=True), default=Path("build")
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="TCP port, 0 to 65535 (0 picks a free one).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default serves this machine only.",
)
@reported
def serve(folder: Path, port: int, host: str) -> int:
    """Serve a built edition and its DTS API on http://HOST:PORT/ until Ctrl-C.

    The site's files are at /, the DTS 1.0 API at /api/dts/.

    Example:

        teikit serve build --port 8000
    """
    from teikit.serve import make_server

    try:
        server = make_server(folder, port, host)
    except OSError as exc:
        _error(f"cannot serve on {host}:{port}: {exc.strerror or exc}")
        return EXIT_USAGE
    _say(
        f"serving {folder} on http://{host}:{server.server_port}/ and its DTS API on "
        f"http://{host}:{server.server_port}/api/dts/ (Ctrl-C stops)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    main(prog_name="teikit")
