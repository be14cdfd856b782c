"""Read the text of a BibTeX field value as LaTeX would print it (pylatexenc), for the tests.

pylatexenc's default macro table lacks \\textbraceleft and \\textbraceright (LaTeX's text-mode
commands for "{" and "}") and writes \\textasciicircum as the modifier letter U+02C6; this
table adds the first two and gives the third its ASCII meaning, as LaTeX prints them.
"""

from __future__ import annotations

from pylatexenc import macrospec
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexWalker
from pylatexenc.latexwalker import get_default_latex_context_db as walker_db

_TEXT_MACROS = {"textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^"}


def _text_db():
    db = get_default_latex_context_db().filter_context()
    db.add_context_category("teikit-text", prepend=True, macros=[
        MacroTextSpec(name, simplify_repl=text) for name, text in _TEXT_MACROS.items()])
    return db


def _walker_db():
    db = walker_db().filter_context()
    db.add_context_category("teikit-text", prepend=True, macros=[
        macrospec.std_macro(name, False, 0) for name in _TEXT_MACROS])
    return db


_TO_TEXT = LatexNodes2Text(latex_context=_text_db())
_WALKER_DB = _walker_db()


def latex_text(value: str) -> str:
    """The text LaTeX prints for a BibTeX field value (its outer braces removed by the parser)."""
    walker = LatexWalker(value, latex_context=_WALKER_DB, tolerant_parsing=False)
    nodes, _, _ = walker.get_latex_nodes()
    return _TO_TEXT.nodelist_to_text(nodes)
