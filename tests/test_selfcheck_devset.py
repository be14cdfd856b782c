"""The self-check on real pages: every dev-set page the reader converts must pass it.

The dev set (``../shared/devset/pages``, beside the repository as CI has it) holds real
history.state.gov pages of every era. A page the reader refuses (a one-line error) is the
reader's matter, scored elsewhere; a page it converts must come out with every word, note
and page marker. The pages listed in :data:`FLAGGED` fail the self-check on the current
reader for a known reason (each class has an invented fixture in ``test_selfcheck.py``);
they are strict xfails, so a reader that fixes them makes this test say so.
"""

from __future__ import annotations

import pytest
from conftest import SHARED

from teikit.convert import convert_file
from teikit.errors import InputError
from teikit.selfcheck import SelfCheckError

PAGES = sorted((SHARED / "devset" / "pages").glob("*.txt"))

#: Dev-set pages the current reader converts with a loss, and why.
FLAGGED: dict[str, str] = {}


def test_the_dev_set_is_there() -> None:
    assert len(PAGES) >= 90, f"expected the dev set in {SHARED / 'devset' / 'pages'}"
    assert set(FLAGGED) <= {p.name for p in PAGES}


@pytest.mark.parametrize("page", [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, raises=SelfCheckError,
                                             reason=FLAGGED[p.name]))
    if p.name in FLAGGED else p
    for p in PAGES], ids=lambda p: p.stem)
def test_a_converted_page_loses_nothing(page) -> None:
    try:
        convert_file(page)
    except SelfCheckError:
        raise
    except InputError as exc:  # refused with a reason: the reader's matter, not a loss
        assert exc.problem.path == str(page) and exc.problem.message
