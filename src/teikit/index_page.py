"""The edition's index page, made from the documents' header facts alone.

The build keeps only :class:`teikit.facts.DocFacts` for edition-wide pages, so this page is
written from them with lxml, never from the document trees: volumes in id order (documents
without a volume last), documents in number order, each row linking to ``<id>.html``. It
uses the class names of the document pages, so ``teikit.css`` styles it.

This is the build's own index until the site module's ``write_site_pages`` replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from lxml import etree, html
from lxml.builder import E

from teikit.facts import DocFacts

#: The index page of an HTML edition.
INDEX_NAME = "index.html"

#: The title used when the caller gives none.
DEFAULT_TITLE = "A teikit edition"

FOOTER = ("The text of Foreign Relations of the United States is a work of the United States "
          "Government, in the public domain. Made with teikit.")


#: Elements whose children go on lines of their own; inside the others, text stays inline.
BLOCKS = frozenset({"html", "head", "body", "header", "nav", "ul", "main", "section",
                    "table", "thead", "tbody", "tr", "footer"})


def _indent(element: etree._Element, depth: int = 0) -> None:
    """Put the children of block elements on their own lines, two spaces a level."""
    if element.tag not in BLOCKS or not len(element):
        return
    inner = "\n" + "  " * (depth + 1)
    element.text = inner
    for child in element:
        _indent(child, depth + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * depth


def _anchor(volume_id: str) -> str:
    return "volume-" + re.sub(r"[^A-Za-z0-9_-]", "-", volume_id) if volume_id else "volume-none"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _pages(doc: DocFacts) -> str:
    if doc.first_page is None:
        return ""
    if doc.last_page is None or doc.last_page == doc.first_page:
        return str(doc.first_page)
    return f"{doc.first_page}–{doc.last_page}"


def _volume_facts(doc: DocFacts) -> str:
    volume = doc.volume
    parts = []
    editors = [name for role, name in volume.editors if role in ("primary", "")]
    if editors:
        joined = " and ".join(editors) if len(editors) < 3 else \
            ", ".join(editors[:-1]) + ", and " + editors[-1]  # the serial comma
        parts.append(f"Edited by {joined}")
    imprint = " ".join(x for x in (volume.pub_place and volume.pub_place + ":",
                                   volume.publisher and volume.publisher + ",", volume.year)
                       if x)
    if imprint:
        parts.append(imprint.rstrip(":,"))
    return ". ".join(parts) + "." if parts else ""


def _row(doc: DocFacts, suffix: str) -> etree._Element:
    date = E.time(doc.date_text or doc.date_when, datetime=doc.date_when) \
        if doc.date_when else (doc.date_text or "")
    return E.tr(E.td("" if doc.number is None else str(doc.number), {"class": "number"}),
                E.td(E.a(doc.title or doc.tei_id, href=f"{doc.tei_id}{suffix}")),
                E.td(date), E.td(_pages(doc), {"class": "pages"}))


def _section(key: str, docs: list[DocFacts], suffix: str) -> etree._Element:
    anchor = _anchor(key)
    first = docs[0].volume
    heading = (first.complete_title or key) if key else "Documents without a volume"
    section = E.section(E.h2(heading, id=f"{anchor}-heading"), {"class": "volume"},
                        id=anchor, **{"aria-labelledby": f"{anchor}-heading"})
    facts = _volume_facts(docs[0]) if key else ""
    if facts:
        section.append(E.p(facts, {"class": "volume-facts"}))
    section.append(E.table(
        E.caption("Documents, in order", {"class": "visually-hidden"}),
        E.thead(E.tr(*(E.th(label, scope="col", **({"class": cls} if cls else {}))
                       for label, cls in (("No.", "number"), ("Title", ""), ("Date", ""),
                                          ("Pages", ""))))),
        E.tbody(*(_row(doc, suffix) for doc in docs))))
    return section


def index_html(edition: Sequence[DocFacts], params: Mapping[str, str] | None = None) -> bytes:
    """Return the index page of ``edition`` as UTF-8 HTML5.

    Args:
        edition: the documents' facts, in any order (the page sorts them).
        params: ``edition-title``, ``css-href`` and ``page-suffix`` (default ``.html``).

    Returns:
        The page, deterministic for the same facts.
    """
    params = params or {}
    title = params.get("edition-title", DEFAULT_TITLE)
    suffix = params.get("page-suffix", ".html")
    groups: dict[str, list[DocFacts]] = {}
    for doc in sorted(edition, key=lambda d: d.sort_key):
        groups.setdefault(doc.volume.volume_id or "", []).append(doc)
    keys = sorted(groups, key=lambda k: (k == "", k))
    volumes = sum(1 for k in keys if k)
    summary = f"{_plural(len(edition), 'document')} in {_plural(volumes, 'volume')}"
    if "" in groups:
        summary += ", and documents without a volume"
    nav = E.ul(*(E.li(E.a((groups[k][0].volume.volume_number or k) if k else "Other documents",
                          href=f"#{_anchor(k)}")) for k in keys))
    page = E.html(
        E.head(E.meta(charset="utf-8"),
               E.meta(name="viewport", content="width=device-width, initial-scale=1"),
               E.title(title), E.link(rel="stylesheet", href=params.get("css-href",
                                                                        "teikit.css"))),
        E.body(E.a("Skip to the list of documents", {"class": "skip-link"}, href="#main"),
               E.header(E.p(title, {"class": "edition-title"}),
                        E.nav(nav, **{"aria-label": "Volumes"}), {"class": "site-header"}),
               E.main(E.h1(title), E.p(summary + "."),
                      *(_section(k, groups[k], suffix) for k in keys),
                      id="main", tabindex="-1"),
               E.footer(E.p(FOOTER), {"class": "site-footer"})),
        lang="en")
    _indent(page)
    return b"<!DOCTYPE html>\n" + html.tostring(page, encoding="utf-8") + b"\n"

