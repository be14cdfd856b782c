"""Citations of teikit TEI documents: Chicago, BibTeX, RIS and CSL-JSON.

Each format is one XSLT output in :data:`teikit.transform.OUTPUTS` (``xslt/chicago.xsl``,
``bibtex.xsl``, ``ris.xsl``, ``csl-json.xsl``, all built on the shared functions of
``xslt/citation.xsl``). This module reads the TEI files safely, runs the stylesheet on each
and joins the results:

- ``chicago``: one line per document, in the order given (a bibliography is not re-sorted);
- ``bibtex``: the entries, an empty line between two;
- ``ris``: the records, each ending in ``ER  -`` and an empty line;
- ``csl-json``: one JSON array holding every item, indented by two spaces, UTF-8.

The CSL-JSON follows the Office of the Historian's own model (see ``xslt/csl-json.xsl``), and
teikit ships a CSL style of its own, ``csl/teikit-frus.csl`` (:func:`csl_style_path`), with
which any CSL processor (Zotero, citeproc-js, ``pandoc --citeproc``) renders exactly the
``chicago`` text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.errors import InputError, Problem, TeikitError
from teikit.files import display_name
from teikit.resources import data_dir
from teikit.teifile import read_tei as read_tei_root
from teikit.transform import TransformError, transform

#: Citation formats, by the name used on the command line (each is also an output name).
CITE_FORMATS: tuple[str, ...] = ("chicago", "bibtex", "ris", "csl-json")

#: Forms of the Chicago citation: a full note, or a bibliography entry.
CHICAGO_FORMS: tuple[str, ...] = ("note", "bibliography")

TEI_NS = "http://www.tei-c.org/ns/1.0"

#: The file name of teikit's CSL style in the ``csl/`` folder.
CSL_STYLE = "teikit-frus.csl"


def csl_style_path() -> Path:
    """Return the path of teikit's CSL style for FRUS documents (``csl/teikit-frus.csl``).

    The style renders teikit's CSL-JSON as the Chicago note (citations) and bibliography
    entry that ``cite_paths(..., "chicago")`` writes, in the form the Office of the Historian
    recommends. Load it in Zotero (Settings, Cite, +) or pass it to ``pandoc --csl``.

    Returns:
        The path of the style file.

    Raises:
        teikit.errors.TeikitError: when the ``csl/`` folder cannot be found.
    """
    return data_dir("csl") / CSL_STYLE


class CiteError(TeikitError):
    """Some inputs could not be cited. Carries one :class:`Problem` per bad input."""

    def __init__(self, problems: list[Problem], text: str = "") -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
        self.text = text  # the citations of the inputs that could be cited


@dataclass(frozen=True)
class Citation:
    """The citation of one document in one format, as the stylesheet wrote it."""

    path: Path
    format: str
    text: str


def read_tei(path: Path) -> bytes:
    """Read a TEI file safely (see :func:`teikit.teifile.read_tei`) and re-serialize it.

    Args:
        path: a file holding a TEI document (root ``TEI`` in the TEI namespace).

    Returns:
        The document as UTF-8 bytes, ready for :func:`teikit.transform.transform`.

    Raises:
        CiteError: when the file cannot be read, is not well-formed, relies on an entity or
            is not TEI.
    """
    try:
        root = read_tei_root(path)
    except InputError as exc:
        raise CiteError([exc.problem]) from exc
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def _check_options(fmt: str, form: str) -> None:
    if fmt not in CITE_FORMATS:
        raise CiteError(
            [
                Problem(
                    "<options>",
                    None,
                    f"unknown citation format {fmt!r}",
                    hint="use one of " + ", ".join(CITE_FORMATS),
                )
            ]
        )
    if form not in CHICAGO_FORMS:
        raise CiteError(
            [
                Problem(
                    "<options>",
                    None,
                    f"unknown Chicago form {form!r}",
                    hint="use one of " + ", ".join(CHICAGO_FORMS),
                )
            ]
        )


def cite_document(path: Path, fmt: str, *, form: str = "note") -> Citation:
    """Cite one TEI document.

    Args:
        path: the TEI file.
        fmt: one of :data:`CITE_FORMATS`.
        form: for ``chicago``, one of :data:`CHICAGO_FORMS`; ignored by the other formats.

    Returns:
        The citation as the stylesheet wrote it (for ``csl-json``, an array of one item).

    Raises:
        CiteError: for an unknown format or form, or an unreadable or non-TEI file.
        teikit.transform.TransformError: when the stylesheet fails on the document.
    """
    _check_options(fmt, form)
    params = {"form": form} if fmt == "chicago" else None
    return Citation(path, fmt, transform(read_tei(path), fmt, params))


def join_citations(citations: Sequence[Citation], fmt: str) -> str:
    """Join the citations of several documents into one text of format ``fmt``.

    Args:
        citations: the citations, all of format ``fmt``, in output order.
        fmt: one of :data:`CITE_FORMATS`.

    Returns:
        The joined text, ending in a newline (empty for no citations).
    """
    if fmt == "csl-json":
        items: list[object] = []
        for citation in citations:
            items.extend(json.loads(citation.text))
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    texts = [c.text.rstrip("\n") + "\n" for c in citations]
    if fmt == "bibtex":
        return "\n".join(texts)
    if fmt == "ris":
        return "\n".join(texts) + ("\n" if texts else "")
    return "".join(texts)


def cite_paths(paths: Sequence[Path], fmt: str, *, form: str = "note") -> str:
    """Cite several TEI documents in one format, reading them all before reporting problems.

    Args:
        paths: the TEI files, in output order.
        fmt: one of :data:`CITE_FORMATS`.
        form: for ``chicago``, ``note`` or ``bibliography``.

    Returns:
        The citations joined as :func:`join_citations` describes.

    Raises:
        CiteError: with one problem per unreadable or non-TEI file or failed stylesheet
            run, or for bad options; its ``text`` holds the citations of the other files.
    """
    _check_options(fmt, form)
    citations: list[Citation] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            citations.append(cite_document(Path(path), fmt, form=form))
        except CiteError as exc:
            problems.extend(exc.problems)
        except TransformError as exc:  # one bad file does not cost the others' citations
            problems.append(Problem(display_name(path), None, str(exc), "", "transform"))
    if problems:
        raise CiteError(problems, join_citations(citations, fmt) if citations else "")
    return join_citations(citations, fmt)
