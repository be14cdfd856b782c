"""The signals of a paper printed after a signed document with no label over it.

A covering letter or memorandum of 1861–1954 is often followed by the paper it encloses or
attaches, headed by that paper's own title and nothing else (``Very sincerely yours,`` /
``Robert Lansing`` / ``Memorandum by the Counselor …``; ``I have [etc.]`` / ``H.
Morgenthau.`` / ``The Ministry of Foreign Affairs to the American Embassy.``). Two things
together tell such a paper from a heading of the letter's own text: the line above it is a
signature that closes a document (:func:`closes_signed`), and the line itself is a title of
a known kind of paper (:func:`is_paper_title`). Each test is a pure function of lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from teikit.reader import patterns as pt

#: A signature of bracketed initials, as the 1931–45 volumes print the Secretary's and the
#: Under Secretary's memoranda: ``S[umner] W[elles]``, ``C[ordell] H[ull]``, ``J[oseph] C.
#: G[rew]``.
INITIALS_SIGNATURE = re.compile(
    r"^[A-Z]\[[a-zà-ÿ’'-]+\](?:\s+(?:[A-Z]\.|[A-Z]\[[a-zà-ÿ’'-]+\]))+\.?$"
)

#: A paper's title after a signature has at most so many words.
TITLE_WORDS = 30
#: Between a closing phrase and the line under the signature stand at most so many
#: signature lines (``H. A. Herbert,`` / ``Secretary of the Navy.``).
SIGNATURE_LINES = 3


def closes_signed(before: Sequence[str]) -> bool:
    """Tell whether the text lines ``before`` a line (page markers left out, the last one
    last) end in a signature that closes a document: bracketed initials, ``[File copy not
    signed]``, or signature lines under a closing phrase (``I have [etc.]`` / ``H.
    Morgenthau.``)."""
    if not before:
        return False
    last = pt.strip_trailing_marker(before[-1])
    if INITIALS_SIGNATURE.match(last) or pt.NOT_SIGNED.match(last):
        return True
    if not pt.looks_like_signature(last) or pt.is_closing(last):
        return False
    for k in range(len(before) - 2, max(len(before) - 2 - SIGNATURE_LINES, -1), -1):
        line = pt.strip_trailing_marker(before[k])
        if pt.is_closing(line):
            return True
        if not _signature_line(line):
            return False
    return False


def _signature_line(line: str) -> bool:
    """Tell whether a line may stand between a closing phrase and a signature's last line
    (a name over its title: ``H. A. Herbert,``; ``For the Secretary of State:``)."""
    words = line.split()
    if not words or len(words) > 10 or pt.is_dateline(line):
        return False
    if pt.SIGNING_FOR.match(line):
        return True
    return line[-1] not in ':;?!”"’' and (pt.looks_like_signature(line) or pt.is_office_line(line))


def is_paper_title(core: str) -> bool:
    """Tell whether a line is the title of a paper of a known kind: a writer-to-addressee
    title (``Mr. Herbert to Mr. Gresham.``, ``The Chilean Minister for Foreign Affairs
    (Fernández) to the Chilean Ambassador (Michels)``) whose writer is a name or an office,
    or a title that names the kind of paper (``Memorandum by …``, ``Executive order.``,
    ``Statement by the President``). A sentence is none (``The Ambassador handed to me a
    note.``)."""
    title = pt.strip_trailing_marker(core)
    if not title or len(title.split()) > TITLE_WORDS or title[-1] in ",;:!?":
        return False
    if pt.is_address(title):
        return False  # ``Hon. E. B. Washburne, Minister … to France.``
    if pt.is_sender_title(title.removesuffix(".") + "."):
        return True
    if not pt.is_document_title(title):
        return False
    return " to " not in title or pt.is_office_line(title.split(" to ", 1)[0])
