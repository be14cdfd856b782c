"""Benchmark the reading edition: edition pages, search index and EPUBs per 1,000 documents.

Run: python bench/bench_site.py [--documents N] [--volumes V]
Prints figures; asserts nothing. The edition is generated in a temporary folder: N copies of
the seeds' TEI, each given its own document number (and id) and spread over V volumes (the
seeds' three volumes and numbered copies of their ids), so every stage sees N distinct
documents. The document pages are rendered first (their cost is the render benchmark's and
is printed only for scale), then each stage of teikit.site, teikit.search and teikit.epub is
timed on its own, with the peak memory of the process after it.
"""

from __future__ import annotations

import argparse
import copy
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from teikit.epub import write_volume_epubs
from teikit.facts import facts_of
from teikit.render import render_paths
from teikit.search import pagefind_binary, write_search_index
from teikit.site import site_params_for, write_site_pages
from teikit.tei.names import TEI_NS

REPO = Path(__file__).resolve().parents[1]
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI_NS}


def make_edition(folder: Path, documents: int, volumes: int) -> list[Path]:
    """Write ``documents`` TEI files into ``folder``: numbered copies of the seeds."""
    seeds = [etree.parse(str(p)).getroot() for p in sorted((REPO / "tei").glob("*.xml"))]
    paths = []
    for k in range(documents):
        root = copy.deepcopy(seeds[k % len(seeds)])
        number = k + 1
        idno = root.xpath("//t:monogr/t:idno[@type='frus']", namespaces=NS)[0]
        volume = f"{idno.text}x{k % volumes}" if volumes > len(seeds) else idno.text
        idno.text = volume
        root.set(XML_ID, f"{volume}-d{number}")
        for scope in root.xpath("//t:biblScope[@unit='document']", namespaces=NS):
            scope.set("n", str(number))
            scope.text = str(number)
        div = root.find(f".//{{{TEI_NS}}}div[@type='document']")
        div.set("n", str(number))
        div.set(XML_ID, f"d{number}")
        path = folder / f"{volume}-d{number}.xml"
        path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
        paths.append(path)
    return paths


def timed(label: str, documents: int, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{label:<28} {seconds:7.2f} s   {seconds * 1000 / documents:7.2f} s per 1,000 "
          f"documents   peak RSS {peak:5.0f} MB (children {child:4.0f} MB)", flush=True)
    return result


def size_of(paths: list[Path]) -> str:
    return f"{sum(p.stat().st_size for p in paths) / 1e6:.1f} MB in {len(paths)} files"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--volumes", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tei = Path(tmp) / "tei"
        out = Path(tmp) / "build"
        tei.mkdir()
        paths = make_edition(tei, args.documents, args.volumes)
        n = len(paths)
        print(f"edition: {n} documents in {args.volumes} volumes")
        edition = timed("facts of the documents", n,
                        lambda: [facts_of(etree.parse(str(p)).getroot()) for p in paths])
        params = site_params_for(edition)
        timed("document pages (render)", n,
              lambda: render_paths(paths, "html", out, companions=False, per_document=params))
        books = timed("EPUBs (teikit.epub)", n,
                      lambda: write_volume_epubs(edition, {p.stem: p for p in paths}, out))
        pages = timed("edition pages (teikit.site)", n, lambda: write_site_pages(edition, out))
        if pagefind_binary() is None:
            print("search index: skipped, Pagefind is not installed (pip install "
                  "'teikit[search]')")
            bundle = []
        else:
            bundle = timed("search index (Pagefind)", n, lambda: write_search_index(out))
        print(f"sizes: EPUBs {size_of(books)}; edition pages {size_of(pages)}; "
              f"search bundle {size_of(bundle)}")


if __name__ == "__main__":
    main()
