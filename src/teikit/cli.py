"""The ``teikit`` command line: a thin layer over the library.

Each command makes one library call and turns the library's typed errors into
messages and exit codes. Exit codes: 0 success; 1 the inputs had problems
(conversion failures, validation findings); 2 usage errors or unreadable files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from teikit import __version__
from teikit.errors import Problem, TeikitError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def _warn(problem: Problem | str) -> None:
    click.echo(f"warning: {problem}", err=True)


def _error(message: Problem | str) -> None:
    click.echo(f"error: {message}", err=True)


@click.group()
@click.version_option(__version__, prog_name="teikit")
def main() -> None:
    """teikit: TEI-XML digital editions of FRUS documents.

    Convert history.state.gov page text into TEI, validate it, and render it to
    HTML, plain text and citations.
    """


# --- convert -------------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Write DIR/<id>.xml for each input (required for several inputs).")
@click.option("--catalog", type=click.Path(path_type=Path, dir_okay=False),
              help="Catalog TOML giving volume, document number and first page per input "
                   "[default: catalog.toml beside each input, when present].")
@click.option("--volume", help="Volume id, e.g. frus1958-60v19 (overrides the catalog).")
@click.option("--doc", "doc_number", type=int, help="Document number (overrides the text).")
@click.option("--first-page", type=int, help="Printed page the document starts on.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--no-self-check", "no_self_check", is_flag=True,
              help="Write the TEI even when it does not hold every word, note and page marker "
                   "of the input (the check reports a converter fault; use only to inspect it).")
def convert(inputs: tuple[Path, ...], output_dir: Path | None, catalog: Path | None,
            volume: str | None, doc_number: int | None, first_page: int | None,
            strict: bool, no_self_check: bool) -> None:
    """Convert FRUS page text files into TEI.

    One input without -o prints the TEI on standard output; with -o DIR each
    input becomes DIR/<id>.xml, written whole or not at all.

    Example:

        teikit convert seeds/*.txt -o tei/

        teikit convert page.txt --volume frus1958-60v19 --doc 352 --first-page 721
    """
    from teikit.convert import ConvertOptions, convert_many

    if output_dir is None and len(inputs) > 1:
        _error("several inputs need -o DIR (one input without -o prints the TEI)")
        sys.exit(EXIT_USAGE)
    options = ConvertOptions(catalog=catalog, volume=volume, doc_number=doc_number,
                             first_page=first_page, strict=strict,
                             self_check=not no_self_check)
    try:
        batch = convert_many(list(inputs), options=options, output_dir=output_dir)
    except TeikitError as exc:
        _error(exc)
        sys.exit(EXIT_USAGE)
    for problem in batch.warnings:
        _warn(problem)
    for problem in batch.errors:
        _error(problem)
    if output_dir is None and batch.results:
        sys.stdout.buffer.write(batch.results[0].to_bytes())
    if output_dir is not None and len(inputs) > 1:
        click.echo(f"converted {len(batch.results)} of {len(inputs)} files into {output_dir}"
                   + (f"; {len(batch.errors)} failed" if batch.errors else ""), err=True)
    sys.exit(EXIT_FINDINGS if batch.errors else EXIT_OK)


# --- validate (issue 3) ----------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--schema", type=click.Path(path_type=Path, dir_okay=False),
              help="A RELAX NG schema (.rng) to use instead of teikit's own, e.g. tei_all.rng.")
@click.option("--no-rules", is_flag=True, help="Skip teikit's Schematron rules.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one line per finding; json: for machines.")
def validate(paths: tuple[Path, ...], schema: Path | None, no_rules: bool, strict: bool,
             fmt: str) -> None:
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

    try:
        report = validate_paths(list(paths), schema=schema, rules=not no_rules)
    except TeikitError as exc:
        _error(exc)
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        click.echo(report.to_json(strict=strict))
    else:
        for line in report.text_lines():
            click.echo(line)
    if report.unreadable:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_OK if report.is_valid(strict) else EXIT_FINDINGS)


# --- render and cite (issue 4) ---------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to", required=True, type=click.Choice(["html", "text", "page-text"]),
              help="html: one page per document, with index.html, teikit.css, the TEI and "
                   "citation files; text: reading text (<id>.text.txt); page-text: the "
                   "history.state.gov page text (<id>.page.txt).")
@click.option("-o", "--output-dir", required=True,
              type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write into (made when missing).")
def render(paths: tuple[Path, ...], to: str, output_dir: Path) -> None:
    """Render TEI files, or folders of them, to HTML, reading text or page text.

    Every input is rendered even when another fails; the failures are listed at the end.
    Exit code 1 when a stylesheet failed on a document, 2 when an input is missing or
    not a TEI file.

    Example:

        teikit render --to html tei/ -o build/site

        teikit render --to page-text tei/frus1958-60v19-d352.xml -o out/
    """
    from teikit.render import UNREADABLE_CODES, RenderError, render_paths

    try:
        report = render_paths(list(paths), to, output_dir)
    except TeikitError as exc:
        _error(exc)
        sys.exit(EXIT_USAGE if isinstance(exc, RenderError) else EXIT_FINDINGS)
    for problem in report.errors:
        _error(problem)
    click.echo(f"rendered {len(report.rendered)} document(s) to {to} in {output_dir}"
               + (f"; {len(report.errors)} problem(s)" if report.errors else ""), err=True)
    if any(p.code in UNREADABLE_CODES for p in report.errors):
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if report.errors else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", default="chicago", show_default=True,
              type=click.Choice(["chicago", "bibtex", "ris", "csl-json"]),
              help="Citation format.")
@click.option("--form", default="note", show_default=True,
              type=click.Choice(["note", "bibliography"]),
              help="Chicago only: a full note or a bibliography entry.")
def cite(paths: tuple[Path, ...], fmt: str, form: str) -> None:
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
    except CiteError as exc:
        for problem in exc.problems:
            _error(problem)
        sys.exit(EXIT_USAGE)
    except TeikitError as exc:
        _error(exc)
        sys.exit(EXIT_FINDINGS)
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.exit(EXIT_OK)


# --- build and serve (issue 4) ---------------------------------------------------------


@main.command()
@click.argument("pages", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--tei", "tei_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder of the TEI files [default: ROOT/tei].")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder of the built edition [default: ROOT/build].")
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="The project folder: PAGES defaults to ROOT/seeds.")
@click.option("--catalog", type=click.Path(path_type=Path, dir_okay=False),
              help="Catalog TOML for every page [default: catalog.toml beside each page].")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes, at most [default: the CPUs this process may use; "
                   "small folders use fewer].")
@click.option("--reconvert", is_flag=True,
              help="Convert every page again and replace its TEI, even TEI edited by hand.")
def build(pages: Path | None, tei_dir: Path | None, out_dir: Path | None, root: Path,
          catalog: Path | None, jobs: int | None, reconvert: bool) -> None:
    """Make the whole edition: convert PAGES into TEI, validate it, write the site.

    PAGES is a folder of page texts (*.txt, sub-folders too), with or without a
    catalog.toml. The TEI goes into --tei and stays the editor's: a TEI file that was
    changed by hand is kept (and reported when its page text changed too) unless
    --reconvert is given. --out receives the HTML site (index.html, one page per
    document, teikit.css, the TEI and citation files), the reading texts (text/) and the
    page texts (page-text/); outputs whose inputs did not change are not written again.

    Example:

        teikit build

        teikit build my-pages/ --tei my-tei/ --out site/ --jobs 2
    """
    from teikit.build import BuildLayout, build_edition, default_jobs

    layout = BuildLayout(pages if pages is not None else root / "seeds",
                         tei_dir if tei_dir is not None else root / "tei",
                         out_dir if out_dir is not None else root / "build")
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

    try:
        report = build_edition(layout, jobs=jobs or default_jobs(), reconvert=reconvert,
                               catalog=catalog, progress=progress)
    except TeikitError as exc:
        _error(exc)
        sys.exit(EXIT_USAGE)
    for problem in report.warnings:
        _warn(problem)
    for finding in report.validation_findings:
        _error(finding)
    for problem in report.errors:
        _error(problem)
    click.echo(f"built {report.documents} documents ({report.notes} notes, {report.pages} page "
               f"breaks), {report.files_written} files written in {layout.out_dir}; "
               f"{len(report.warnings)} warnings, "
               f"{len(report.errors) + len(report.validation_findings)} errors; "
               f"{report.seconds:.1f} s", err=True)
    sys.exit(EXIT_OK if report.ok else EXIT_FINDINGS)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True),
                default=Path("build"))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="TCP port (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
def serve(folder: Path, port: int, host: str) -> None:
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
        sys.exit(EXIT_USAGE)
    click.echo(f"serving {folder} on http://{host}:{server.server_port}/ and its DTS API on "
               f"http://{host}:{server.server_port}/api/dts/ (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":  # pragma: no cover
    main()
