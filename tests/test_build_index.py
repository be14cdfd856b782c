"""The edition index that build writes from the documents' header facts alone."""

from __future__ import annotations

from conftest import SEED_IDS, TEI_DIR
from lxml import etree, html

from teikit.facts import facts_of
from teikit.index_page import index_html
from teikit.render import build_corpus, read_tei
from teikit.transform import transform


def _words(page: bytes | str, path: str) -> list[list[str]]:
    tree = html.fromstring(page)
    return [" ".join(e.text_content().split()).split(" ") for e in tree.xpath(path)]


def test_the_facts_index_says_what_the_corpus_index_says() -> None:
    """The index from facts shows, row by row and heading by heading, the same words as
    xslt/html-index.xsl over a teiCorpus of the full documents (teikit 0.1's index)."""
    roots = [read_tei(TEI_DIR / f"{i}.xml") for i in SEED_IDS]
    ours = index_html([facts_of(r) for r in roots], {"edition-title": "E"})
    theirs = transform(etree.tostring(build_corpus(roots, "E")), "html-index",
                       {"edition-title": "E"})
    for path in ("//main//h2", "//main//tr", "//p[@class='volume-facts']", "//nav//a",
                 "//main/p", "//title"):
        assert _words(ours, path) == _words(theirs, path), path
    assert html.fromstring(ours).xpath("//main//a/@href") == \
        html.fromstring(theirs).xpath("//main//a/@href")


def test_the_index_is_the_same_whatever_the_order_of_the_facts() -> None:
    facts = [facts_of(read_tei(TEI_DIR / f"{i}.xml")) for i in SEED_IDS]
    assert index_html(facts) == index_html(list(reversed(facts)))
