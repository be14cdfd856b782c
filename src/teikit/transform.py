"""Run the XSLT 3.0 outputs over TEI with saxonche.

Every output is one entry stylesheet in ``xslt/`` that imports ``xslt/common.xsl``.
Adding an output is one stylesheet and one line in :data:`OUTPUTS`. Stylesheets are
compiled once per process and reused for every document.

Saxon writes its own account of a failure (the error code, the stylesheet line, the
template) to the process's standard error, past Python. Every call into Saxon therefore
runs with file descriptor 2 redirected into an anonymous temporary file (:func:`_saxon_said`),
restored in ``finally``; what Saxon wrote becomes the detail of the one
:class:`TransformError` that names the file, and nothing reaches the terminal. The lock that
serialises the calls also serialises the redirection; worker processes each have their own
descriptors.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from teikit.errors import TeikitError, one_line
from teikit.resources import data_dir


@dataclass(frozen=True)
class Output:
    """One output format: its entry stylesheet and the file extension it writes."""

    stylesheet: str
    extension: str
    description: str


#: The registry of outputs, by the name used on the command line.
OUTPUTS: dict[str, Output] = {}

# Citations (issue 4): one document in, one citation out; see teikit.cite.
OUTPUTS["chicago"] = Output("chicago.xsl", "txt", "Chicago note or bibliography entry, OH form")
OUTPUTS["bibtex"] = Output("bibtex.xsl", "bib", "BibTeX @incollection entry")
OUTPUTS["ris"] = Output("ris.xsl", "ris", "RIS record, TY CHAP")
OUTPUTS["csl-json"] = Output("csl-json.xsl", "json", "CSL-JSON array with one item")

# Reading outputs (issue 4): see teikit.render. html-index takes a teiCorpus of the edition.
OUTPUTS["html"] = Output("html.xsl", "html", "standalone accessible HTML5 page")
OUTPUTS["text"] = Output("text.xsl", "text.txt", "plain reading text, notes as endnotes")
OUTPUTS["page-text"] = Output("page-text.xsl", "page.txt", "history.state.gov page text")
OUTPUTS["html-index"] = Output("html-index.xsl", "index.html", "edition index page (teiCorpus)")


class TransformError(TeikitError):
    """A stylesheet failed to compile or to run."""


_lock = threading.Lock()
_processor = None
_compiled: dict[str, object] = {}
#: The file Saxon's standard error goes to, one per process: (process id, file).
_sink: tuple[int, object] | None = None


def _sink_file():
    """Return this process's anonymous file for Saxon's standard error (made on first use;
    a forked worker makes its own, so that no two processes share one file offset)."""
    global _sink
    if _sink is None or _sink[0] != os.getpid():
        _sink = (os.getpid(), tempfile.TemporaryFile())  # noqa: SIM115 - open for the process
    return _sink[1]


@contextmanager
def _saxon_said() -> Iterator[list[str]]:
    """Run the body with file descriptor 2 sent to :func:`_sink_file`; the list it yields
    holds, after the body, what was written there (one string, "" when nothing).

    When descriptor 2 cannot be duplicated (closed), the body runs as it is.
    """
    said: list[str] = []
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield said
        return
    sink = _sink_file()
    try:
        sink.seek(0)
        sink.truncate()
        os.dup2(sink.fileno(), 2)
        yield said
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        sink.seek(0)
        said.append(sink.read().decode("utf-8", "replace"))


def _failure(message: str, exc: Exception, said: list[str]) -> str:
    """The message of a Saxon failure: ours, Saxon's exception text and what it wrote."""
    text = one_line(str(exc))
    detail = one_line("".join(said))
    if detail and text and text not in detail:
        detail = f"{text}; {detail}"
    return f"{message}: {detail or text or type(exc).__name__}"


def _saxon():
    global _processor
    if _processor is None:
        from saxonche import PySaxonProcessor

        _processor = PySaxonProcessor(license=False)
    return _processor


def compiled(name: str):
    """Return the compiled executable of output ``name``, compiling it on first use.

    Raises:
        TransformError: for an unknown output or a stylesheet that does not compile.
    """
    with _lock:
        if name in _compiled:
            return _compiled[name]
        if name not in OUTPUTS:
            known = ", ".join(sorted(OUTPUTS))
            raise TransformError(f"unknown output {name!r}; known outputs: {known}")
        path = data_dir("xslt") / OUTPUTS[name].stylesheet
        xslt = _saxon().new_xslt30_processor()
        with _saxon_said() as said:
            try:
                executable = xslt.compile_stylesheet(stylesheet_file=str(path))
            except Exception as exc:  # saxonche raises PySaxonApiError
                failed: Exception | None = exc
            else:
                failed = None
        if failed is not None:
            message = _failure(f"{path}: stylesheet does not compile", failed, said)
            raise TransformError(message) from failed
        if executable is None:
            raise TransformError(f"{path}: stylesheet does not compile")
        _compiled[name] = executable
        return executable


def parse(source: Path | bytes):
    """Parse a TEI document once into a Saxon node that every output can then read.

    Args:
        source: a TEI file, or its serialized bytes (UTF-8).

    Returns:
        The document node (a saxonche ``PySaxonXdmNode``), for :func:`transform_node`.

    Raises:
        TransformError: when Saxon cannot parse the document.
    """
    proc = _saxon()
    failed: Exception | None = None
    with _lock, _saxon_said() as said:
        try:
            if isinstance(source, bytes):
                node = proc.parse_xml(xml_text=source.decode("utf-8"))
            else:
                node = proc.parse_xml(xml_file_name=str(source))
        except Exception as exc:  # saxonche raises PySaxonApiError
            failed = exc
    if failed is not None:
        where = source if isinstance(source, Path) else "<document>"
        raise TransformError(_failure(f"{where}: cannot be parsed", failed, said)) from failed
    if node is None:
        raise TransformError("the document could not be parsed")
    return node


def transform_node(node, name: str, params: Mapping[str, str] | None = None) -> str:
    """Run output ``name`` on a document already parsed by :func:`parse`.

    Args:
        node: the document node from :func:`parse`.
        name: a key of :data:`OUTPUTS`.
        params: stylesheet parameters (string values), as documented in the stylesheet.

    Returns:
        The serialized result.

    Raises:
        TransformError: when the stylesheet fails on this document.
    """
    executable = compiled(name)
    proc = _saxon()
    failed: Exception | None = None
    with _lock, _saxon_said() as said:
        executable.clear_parameters()
        for key, value in (params or {}).items():
            executable.set_parameter(key, proc.make_string_value(str(value)))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:  # saxonche raises PySaxonApiError
            failed = exc
    if failed is not None:
        raise TransformError(_failure(f"{name} transform failed", failed, said)) from failed
    if result is None:
        raise TransformError(f"{name} transform produced no output")
    return result


def transform(source: Path | bytes, name: str, params: Mapping[str, str] | None = None) -> str:
    """Transform one TEI document with output ``name`` and return the result as text.

    Args:
        source: a TEI file, or its serialized bytes.
        name: a key of :data:`OUTPUTS`.
        params: stylesheet parameters (string values), as documented in the stylesheet.

    Returns:
        The serialized result.

    Raises:
        TransformError: when the document cannot be parsed or the stylesheet fails on it.
    """
    compiled(name)  # an unknown output fails before the document is read
    node = parse(source)
    try:
        return transform_node(node, name, params)
    except TransformError as exc:
        where = source if isinstance(source, Path) else "<document>"
        raise TransformError(f"{where}: {exc}") from exc


def stylesheet_digest() -> str:
    """Return a sha256 over every stylesheet and the CSS in ``xslt/``: the build's key part.

    A change to any of them changes the digest, so incremental builds render again.
    """
    import hashlib

    digest = hashlib.sha256()
    folder = data_dir("xslt")
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in (".xsl", ".css"):
            digest.update(path.name.encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
