"""Line patterns of FRUS page text: what a heading, a classification, an identifier look like."""

from __future__ import annotations

import re

from teikit import lexicon as lx

MODERN_HEAD = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")
#: A 1955+ heading whose number carries the letter of a document inserted late in the
#: volume's making: ``55a. Telegram …``, ``105A. Memorandum …``, ``12–A. Letter …``.
MODERN_HEAD_SUFFIXED = re.compile(r"^(\d{1,4}(?:[a-dA-D]|" + lx.DASH + r"[A-D]))\.\s+(\S.*)$")
OLDER_NUMBER = re.compile(r"^No\.\s*(\d{1,4})$")
#: The nineteenth-century volumes' own running number above the title (``No. 39.``): the
#: Office keeps it as the inline source note; it is not the FRUS document number.
PRINTED_NUMBER = re.compile(r"^No\.\s*\d{1,4}\.$")
DASHES = lx.DASHES
PAGE_LINE = re.compile("^" + lx.PAGE_MARKER + "$")
BULLET_B = re.compile(r"^\s+[" + lx.BULLETS_B + r"]\s+(.*)$")
BULLET_A = re.compile("^" + lx.BULLET_A + "(.*)$")
SUBJECT = re.compile(r"^(Subject|SUBJECT):\s*(.*)$")
#: A paragraph's number or letter on a line of its own, its text on the next line: ``(1)``,
#: ``2.``, ``(b)``. The Office keeps the label at the start of the paragraph.
LABEL_LINE = re.compile(r"^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]$")
NUMBERED_PARAGRAPH = re.compile(r"^\(?\d{1,4}[.)]\s")
IDENTIFIER = re.compile(r"^(?=[^a-z]*\d)[A-Z][A-Z0-9 ./–-]{1,30}$")

_CLASSIFICATION_WORDS = {
    "us",
    "top",
    "secret",
    "confidential",
    "restricted",
    "unclassified",
    "official",
    "use",
    "only",
    "limited",
    "security",
    "information",
    "eyes",
    "personal",
    "and",
    "private",
    "priority",
    "niact",
    "urgent",
    "immediate",
    "operational",
    "flash",
    "routine",
    "strictly",
    "noforn",
    "exdis",
    "nodis",
    "limdis",
    "plain",
    "sensitive",
}
_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "in",
    "on",
    "to",
    "for",
    "by",
    "with",
    "at",
    "from",
    "its",
    "as",
    "vs.",
    "but",
    "nor",
    "into",
    "upon",
    "over",
    "between",
}
_TRAILING_MARKER = re.compile(r"(?<=[^\s\d])(?:\d{1,3}[abcd]?|[*†‡§‖¶]+)$")


#: How much of a line's end :func:`strip_trailing_marker` searches (a marker is short).
_TAIL = 64


def strip_trailing_marker(text: str) -> str:
    """Drop a glued trailing note marker (``Estimate1`` -> ``Estimate``) for shape tests.

    Only the line's tail is searched, so the cost does not grow with the line."""
    core = text.rstrip()
    offset = max(0, len(core) - _TAIL)
    match = _TRAILING_MARKER.search(core, offset)
    if match is not None and offset and match.start() <= offset + 1:
        match = _TRAILING_MARKER.search(core)  # a run of symbols longer than the tail
    return core[: match.start()] if match else core


def is_classification(text: str) -> bool:
    """Tell whether a line is a classification or precedence line (``confidential``)."""
    words = re.findall(r"[A-Za-z]+", text)
    if not words or len(words) > 6:
        return False
    if re.search(r"[^A-Za-z\s—–/-]", text):
        return False
    # Letters spaced apart (``s e c r e t``) are joined first.
    if all(len(w) == 1 for w in words) and len(words) > 2:
        words = ["".join(words)]
    return all(w.lower() in _CLASSIFICATION_WORDS for w in words)


def is_identifier(text: str) -> bool:
    """Tell whether a line is a document identifier such as ``CA–3400`` or ``NIE–58``."""
    stripped = text.strip()
    return bool(IDENTIFIER.match(stripped)) and len(stripped.split()) <= 3


#: A person's initial before a name (``N. Khrushchev``, ``John F. Kennedy``): section
#: headings have none (``U.S. Policy`` is no initial: no space after its first point).
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.\s[A-Z][a-z]")
_CLOSING_QUOTES = '”"’'


#: A memorandum's or telegram's header line: its field name in capitals, a colon, the value.
MEMO_FIELD = re.compile(r"^(?:" + "|".join(lx.MEMO_FIELDS) + r"):\s*\S")


def heading_shape(text: str) -> str | None:
    """Return ``"smallcaps"`` or ``"title"`` when a line looks like a section heading.

    A heading is short, has no sentence punctuation at its end, and is either all in lower
    case (small capitals in print) or mostly capitalised (title case). A memorandum's header
    line (``FROM: S/P—Anthony Lake``, see :data:`MEMO_FIELD`) is none.
    """
    core = strip_trailing_marker(text).strip()
    if not core or not core[0].isalpha() or MEMO_FIELD.match(core):
        return None
    if core.endswith(" |") or " | " in core:
        return None  # a row of a table the page prints with bars (``United States | France |``)
    words = core.split()
    if len(words) > 20 or len(core) > 160:
        return None
    if core[-1] in ".;,!?:" or NUMBERED_PARAGRAPH.match(core):
        return None
    if core[-1] in _CLOSING_QUOTES or _INITIAL.search(core):
        return None  # the end of a quoted message, or a name (``John F. Kennedy``)
    letters = [c for c in core if c.isalpha()]
    if letters and not any(c.isupper() for c in letters):
        return "smallcaps"
    if not core[0].isupper():
        return None
    significant = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not significant:
        return None
    capitals = sum(1 for w in significant if w[0].isupper())
    if capitals * 2 >= len(significant):
        return "title"
    return None


#: A sentence that ends inside a bracket or a quotation (``… supra.]``, ``… he said.”``).
_BRACKETED_END = re.compile(r"[.!?][\])”’\"]+$")
#: A salutation opening a paragraph (``Sir: I have …``, ``My dear Mr. Hull: …``).
_SALUTE_OPENING = re.compile(r"^(?:" + "|".join(lx.SALUTATIONS) + r"):\s")


#: A year or number that begins a title, before a capitalised word: ``1953 Progress …``.
_LEADING_NUMBER = re.compile(r"^\d{3,4} (?=[A-Z][a-z])")


def front_title_shape(text: str) -> str | None:
    """Return ``"title"`` for a title line in an older document's opening matter.

    Such a line starts with a capital and has no end punctuation, however its words are cased.
    A year or a committee's number may stand first (``1953 Progress Report on …``, ``303
    Committee Minutes``).
    """
    core = _LEADING_NUMBER.sub("", strip_trailing_marker(text).strip(), count=1)
    if not core or not core[0].isupper() or core[-1] in ".;,!?:" or core.endswith(" |"):
        return None
    if _BRACKETED_END.search(core) or _SALUTE_OPENING.match(core):
        return None  # ``Sir: [The first paragraph is identical … supra.]``: a paragraph
    if len(core.split()) > 30 or NUMBERED_PARAGRAPH.match(core):
        return None
    return "title"


def looks_like_signature(text: str) -> bool:
    """Tell whether a closing line looks like a signature.

    ``Dulles``, ``Howard Dalton``, ``(Signed) …``, ``(Sgd.) Dick``, and a name of capitalised
    words and initials with a final period (``J. R. Harlow.``).
    """
    core = shadow(text).strip()
    if SIGNED_MARK.match(core):
        return True
    words = core.split()
    if not words or len(words) > 6 or not core[0].isupper() or NUMBERED_PARAGRAPH.match(core):
        return False
    if core[-1] == ".":
        return (
            len(words) <= 5
            and all(
                w[0].isupper() or w in ("de", "van", "von", "du", "da", "y", "la", "le", "der")
                for w in words
            )
            and not is_dateline(core)
        )
    return core[-1] not in ";:,?!"


# -- the older layouts' opening lines ------------------------------------------------------

#: Characters matched as a plain space (no-break spaces) or not at all (zero-width space,
#: soft hyphen, the text-presentation selector a browser copies after ``↩``).
_SHADOW = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": None,
        "\u00ad": None,
        "\ufe0e": None,
        "\ufeff": None,
    }
)


_SHADOWED = re.compile("[" + "".join(chr(c) for c in _SHADOW) + "]")


def shadow(text: str) -> str:
    """Return ``text`` as the line patterns read it: no-break spaces as spaces, invisible
    characters dropped. Used for matching only; the original text is what the TEI keeps.
    (Most lines hold none of them: one scan in C finds that, and the text is returned as is.)"""
    return text.translate(_SHADOW) if _SHADOWED.search(text) else text


#: A decimal file number, its subject words, its document part and perhaps the kind:
#: ``711.61/4–1249: Telegram``, ``740.00119 Control (Germany)/6–1047``, ``File No.
#: 723.2515/116.``, ``123 Kirk, Alan G.: Telegram`` (a slash, or a kind, must be there).
_DECIMAL_FILE = re.compile(
    r"^(?:File No\.\s*)?"
    + lx.FILE_CLASS
    + lx.FILE_SUBJECT
    + r"(?:(?P<slash>/"
    + lx.FILE_DOCUMENT
    + r")\.?(?:\s*\([^)]*\))?)?"
    + r"(?P<kind>:\s*\S.*)?$"
)
_FILES_LINE = re.compile(
    r"^[A-Z][^.:;!?]{0,80}?\b(?:" + "|".join(lx.HOLDINGS_WORDS) + r")"
    r"(?:$|,\s*[Ll]ot\b.*$|:\s*\S.{0,60}$|,\s*\S.{0,80}$)"
)
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}")
#: A published paper's source: ``Department of State Bulletin, vol. XII, p. 213``.
_PUBLISHED_LINE = re.compile(
    r"^(?:" + "|".join(lx.PUBLISHED_SOURCES) + r")(?:,\s*\S.{0,80}|\s+No\.\s*\d{1,5})\.?$"
)
#: A lot file of the Department's records, perhaps with its box and file symbol: ``Lot 60–D
#: 224, Box 41: D.O./P.R./17``, ``Lot 64D563``.
_LOT_LINE = re.compile(
    r"^[Ll]ot\s+\d{2}\s*" + lx.DASH + r"?\s*[A-Z]\s*\d{1,4}(?:[,:]\s*\S.{0,120})?$"
)
_KIND_LINE = re.compile(
    r"^[A-Z][^.!?]{0,80}:\s*(?:Circular |Personal |Secret |Confidential )?"
    r"(?:[Tt]elegram|[Aa]irgram|[Dd]espatch|[Ii]nstruction|[Mm]emorandum|[Nn]ote|[Ll]etter|"
    r"[Tt]elephone [Mm]essage|[Rr]adiogram|[Cc]able)s?$"
)


def is_source_line(text: str) -> bool:
    """Tell whether a line is an older volume's source line.

    The shapes: a decimal file number with an optional kind (``711.61/4–1249: Telegram``,
    ``862.5/7–1447``, ``740.0011 Pacific War/2683``, ``File No. 812.00/1234``), a files
    or papers line (``INR–NIE files``, ``Conference files, lot 60 D 627, CF 210``,
    ``Roosevelt Papers: Telegram``), or any short line ending in the kind of document.
    """
    core = shadow(text).strip()
    if not core or len(core) > 200:
        return False
    decimal = _DECIMAL_FILE.match(core)
    if decimal and (decimal.group("slash") or decimal.group("kind")):
        return True
    # An initialism's points are no sentence's end: ``J.C.S. Files``, ``S.W.N.C.C. Files``.
    files = _INITIALISM.sub(lambda m: m.group(0).replace(".", ""), core)
    return bool(
        _FILES_LINE.match(files)
        or _KIND_LINE.match(core)
        or _LOT_LINE.match(core)
        or _PUBLISHED_LINE.match(core)
    )


_HONORIFIC = (
    r"(?:Mr\.|Mrs\.|Messrs\.|Miss|Señor|Senhor|Sir|Baron|Count|Prince|Marquis|"
    r"General|Admiral|Commodore|Commander|Captain|Lord|Dr\.|The)"
)
_NINETEENTH_TITLE = re.compile(r"^" + _HONORIFIC + r"\s.{1,150}?\bto\b.{2,150}\.$")
#: A word of a name after a rank: capitalised, or a particle (``Dupuy de Lôme``).
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|du|da|von|van|der|y|la|le)"
#: The shapes of an older title that names its writer and addressee, tried in order: ``Mr.
#: Harlow to Mr. Pell.``; by rank and surname (``Chargé Holt to the Secretary of State.``);
#: the writer and addressee of the document before (``Same to same.``).
_SENDER_TITLES: tuple[re.Pattern[str], ...] = (
    _NINETEENTH_TITLE,
    re.compile(
        r"^(?:" + "|".join(lx.TITLE_RANKS) + r")(?:\s+" + _NAME_WORD + r"){1,4}"
        r"\s+to\s+(?:the\s+|same\b|[A-ZÀ-ÖØ-Þ]).{1,150}\.$"
    ),
    re.compile(
        r"^(?:" + "|".join(lx.TITLE_SOVEREIGNS) + r")(?:\s+the\s+[A-Z][\w'’-]*"
        r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*){1,3})?)?"
        r"\s+to\s+(?:the\s+|[A-ZÀ-ÖØ-Þ]).{1,150}\.$"
    ),
    re.compile(
        r"^(?:"
        + "|".join(lx.TITLE_SAME_SENDERS)
        + r")\s+to\s+(?:the\s+)?(?:same\b|[A-Z]).{0,150}\.$"
    ),
)
#: The words a title line can end in when the print broke it inside a name (``Mr. Denby
#: to Mr.`` / ``Olney.``): an honorific waits for its name.
_ENDS_IN_HONORIFIC = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Messrs|Dr|M|Sir|Señor|Senhor|Baron|Count|"
    r"Prince|Marquis|Lord|General|Admiral)\.?$"
)
#: An older despatch's own number after the title: ``No. 214.]`` (never the FRUS number).
#: A 1900s–1950s despatch's ``No. 1805`` under the title reads the same, without the bracket.
DESPATCH_NUMBER = re.compile(r"^(?:(?:No\.\s*\d{1,5}\.?|[A-Z][a-z]{2,15}\.)\]|No\.\s*\d{1,6})$")
#: A despatch number the page glued to a repeat of the date (``No. 102.]Washington, May 19,
#: 1880.``); group 2 is the date.
GLUED_DESPATCH = re.compile(r"^(No\.\s*\d{1,5}\.?\])(\S.*)$")
#: A place that lost its first word in the copy (``of State,`` for ``Department of State,``).
DATELINE_FRAGMENT = re.compile(r"^(?:of|the) [A-Z][\w ]{1,40},$")
#: A print line that ends inside a sentence: a lower-case word or a number, no punctuation
#: (``… to the action of the``, ``… of the 30th``).
OPEN_LINE_END = re.compile(r"(?:^|\s)[a-z0-9][\w’'-]*$")


def ends_sentence(text: str) -> bool:
    """Tell whether a print line ends a sentence (a full stop, not ``Mr.`` or an initial)."""
    core = strip_trailing_marker(shadow(text).strip())
    if not core or core[-1] not in '.?!:;”")]’':
        return False
    last = core.split()[-1]
    return last not in lx.LINE_END_ABBREVIATIONS and not re.fullmatch(r"[A-Z]\.", last)


#: An editor's line in brackets under the signature: ``[For these inclosures see post…]``.
EDITOR_LINE = re.compile(r"^\[(?:For|See|The|This|Here|Inclosures?|Enclosures?)\b.*\]\.?$")


_DOCUMENT_TITLE = re.compile(
    r"^(?:The|Memorandum|Aide-M[ée]moire|Letter|Note|Telegram|Minutes|Message|Report|"
    r"Statement|Circular|Instruction|Despatch)\b"
)
#: A title that is a fixed phrase alone on its line (``Circular.``, ``[Untitled]``).
_STANDALONE_TITLE = re.compile(r"^(?:" + "|".join(lx.STANDALONE_TITLES) + r")\.?$")
#: A title that names the kind of paper, then how it came about (``Convention Between the
#: United States and Other Powers.``, ``Press Release Issued by the Department of State``).
_KIND_TITLE = re.compile(
    r"^(?:" + "|".join(lx.TITLE_KINDS) + r")\s+(?i:" + "|".join(lx.TITLE_KIND_LINKS) + r")\s+\S"
)


def is_document_title(text: str) -> bool:
    """Tell whether a line reads like a 1900s–1954 title that stands first on its page:
    ``The Ambassador in Mexico (Daniels) to the Secretary of State``, ``Memorandum of
    Conversation, by the Under Secretary of State (Welles)``."""
    core = strip_trailing_marker(shadow(text).strip())
    if core[-1:] in ";:,!?" or len(core.split()) > 45:
        return False
    if _STANDALONE_TITLE.match(core) or _KIND_TITLE.match(core):
        return True
    if not _DOCUMENT_TITLE.match(core):
        return False
    return " to " in core or ", by " in core or core.startswith("Memorandum")


def is_sender_title(text: str) -> bool:
    """Tell whether a line reads like an 1860s–1900s title, ``Mr. Harlow to Mr. Pell.``."""
    core = strip_trailing_marker(shadow(text).strip())
    if len(core.split()) <= 12 and core[-1:].isalpha() and not core.startswith("The "):
        core += "."  # ``Mr. Bancroft to Mr. Fish``: some pages drop the final period
    if any(shape.match(core) for shape in _SENDER_TITLES[1:]):
        return len(core.split()) <= 30
    return len(core.split()) <= 30 and bool(_NINETEENTH_TITLE.match(core)) and _names_sender(core)


#: The words a sender's name and office may hold besides capitalised ones: ``The Minister
#: for Foreign Affairs``, ``Count de Valbom``, ``Messrs. Hecht, Held and Kayser``.
_SENDER_SMALL_WORDS = frozenset(
    ("of", "in", "for", "and", "the", "at", "on", "de", "del", "della", "di", "da", "do", "dos",
     "du", "des", "la", "le", "van", "von", "der", "y", "e", "ad", "interim", "&")
)  # fmt: skip


def _names_sender(title: str) -> bool:
    """Tell whether the part of a title before `` to `` is a name or an office: its words
    are capitalised or small joining words. A sentence holding `` to `` (``The message was
    delivered to the minister.``) names no sender and is no title."""
    sender = title.split(" to ", 1)[0]
    return all(
        word[:1].isupper() or not word[:1].isalpha() or word.lower() in _SENDER_SMALL_WORDS
        for word in sender.split()
    )


def ends_in_honorific(text: str) -> bool:
    """Tell whether a title line ends in an honorific whose name is on the next line
    (``Mr. Denby to Mr.``)."""
    return bool(_ENDS_IN_HONORIFIC.search(shadow(text).rstrip()))


def is_plausible_title(text: str) -> bool:
    """Tell whether the first line of a page, of no title shape the reader knows, can still
    be its title: a short line that is no dateline, salutation, closing or list head, and
    reads as a heading (no end punctuation, or mostly capitalised words). A sentence is not
    (``The talks went on through the week.``)."""
    core = strip_trailing_marker(shadow(text).strip())
    if not core or PAGE_LINE.match(core) or len(core) > 300 or len(core.split()) > 45:
        return False
    if is_dateline(core) or is_salute(core) or is_closing(core) or list_head(core):
        return False
    if core[-1] in ",;:":
        return False
    return bool(
        front_title_shape(core)
        or heading_shape(core)
        or heading_shape(core.removesuffix(".")) == "title"
    )


_MONTH = lx.MONTH_WORD
#: A clock time: ``1:03 p.m.``, ``9 p. m.``, ``noon``.
_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.\s?m\.|noon|midnight)?|noon|midnight)"
#: The time of a dateline: a clock time, a span of two (``9:15–10:01 a.m.``), or a
#: telegram's Greenwich time (``1212Z``).
_TIME = r"(?:\d{4}Z|" + _CLOCK + r"(?:\s*[" + DASHES + r"—]\s*" + _CLOCK + r")?)"
#: A place then a date: ``Washington, November 12, 1955, 1:03 p.m.``, ``[Washington,]
#: October 14, 1943.``, ``Saigon, September 24, 1949—1 p. m.``, ``London, 27 June, 1942.``,
#: ``Washington, June 2, 1971, 9:15–10:01 a.m.``, ``Tehran, November 5, 1978, 1212Z.``,
#: ``Camp David, Maryland, September 6–17, 1978.``
DATELINE = re.compile(
    r"^(?P<place>\[?[A-Z][\w.’'()\- ]{0,40}?(?:, [A-Z][\w.’' -]{0,30}?)?(?:,\]|\],|,))\s+"
    r"(?P<date>(?:"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th|d)?"
    # a meeting over several days: ``March 3–4, 1951``, ``March 30–April 2, 1951``
    + r"(?:\s?["
    + DASHES
    + r"—]\s?(?:"
    + _MONTH
    + r"\s+)?\d{1,2})?"
    + r"|\d{1,2}\s+"
    + _MONTH
    + r")(?:,?\s*\[?\d{4}\]?)?|undated)"
    r"(?P<time>(?:,?\s*(?:[" + DASHES + r"—]\s*)?" + _TIME + r")?)[.,]?$"
)
#: The line under a dateline that says when the despatch arrived: ``(Received April 10.)``,
#: ``[Received 4:14 p.m.]``.
RECEIVED = re.compile(r"^[(\[]Received\b[^()\[\]]{0,60}[)\]]\.?$")
#: The first line of a two-line dateline: ``Legation of the United States,``.
DATELINE_PLACE = re.compile(r"^[A-Z][^.:;!?\d]{2,60},$")


#: A dateline that gives the date alone (``March 14, 1972``), as the electronic volumes
#: print it over a letter.
DATE_ONLY = re.compile(r"^" + _MONTH + r"\s+\d{1,2},\s*\d{4}\.?$")


def is_dateline(text: str) -> bool:
    """Tell whether a line is a dateline (place and date, perhaps a time; or a full date
    alone)."""
    core = shadow(text).strip()
    return len(core) <= 100 and bool(DATELINE.match(core) or DATE_ONLY.match(core))


SALUTE = re.compile(r"^(?:" + "|".join(lx.SALUTATIONS) + r")[:,]$")
CLOSING = re.compile(r"^(?:" + "|".join(lx.CLOSINGS) + r")[,.]?$")
SIGNED_MARK = re.compile(r"^\((?:[Ss]igned|[Ss]gd\.?)\)\s*\S")
#: The addressee's line under an older signature: ``Charles Francis Adams, Esq., &c., &c.,
#: &c.``, ``Hon. William H. Seward, Secretary of State, Washington, D. C.``.
ADDRESS = re.compile(
    r"^(?:(?:To )?(?:" + "|".join(lx.ADDRESS_OPENERS) + r")\s.{2,160}"
    r"|[A-Z][^:;]{2,120}, Esq\.(?:,.{0,80})?"
    r"|[A-Z][^:;]{2,120},? (?:&c\.|etc\.)(?:,? ?(?:&c\.|etc\.))*(?:,? [A-Z][^:;]{0,40})?\.?)$"
)


def is_address(text: str) -> bool:
    """Tell whether a line is the addressee's line printed under an older signature."""
    core = shadow(text).strip()
    return len(core) <= 200 and not is_closing(core) and bool(ADDRESS.match(core))


def is_office_line(text: str) -> bool:
    """Tell whether a line names a person or an office in capitalised words (``R. T.
    MORROW, Chargé d’Affaires ad interim``, ``Acting Secretary.``, ``in Japan.``)."""
    words = shadow(text).strip().split()
    return 0 < len(words) <= 10 and all(
        w[:1].isupper()
        or not w[:1].isalpha()
        or w.lower().strip(",.") in _SENDER_SMALL_WORDS
        or w.lower().startswith(("d’", "d'"))
        for w in words
    )


def is_name_line(text: str) -> bool:
    """Tell whether a line with a final period is a name (``Nelson Wainwright.``,
    ``RUSSELL.``, ``Loomis.``) rather than a sentence of capitalised words (``Full Text
    Follows.``, ``Acknowledge.``)."""
    core = shadow(text).strip().rstrip(".")
    letters = [c for c in core if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    words = core.split()
    return 1 <= len(words) <= 3 and not any(
        w.strip(",").lower() in lx.SENTENCE_WORDS for w in words
    )


#: What a page prints where a signature would be: ``[File copy not signed]``.
NOT_SIGNED = re.compile(
    r"^\[(?:File copy not signed|Not signed|Unsigned|Signature "
    r"illegible|Initialed|Signed)\.?\]$",
    re.IGNORECASE,
)
#: The addressees of a circular, on a line of their own under its title: ``To the diplomatic
#: and consular officers of the United States.``
ADDRESSEES = re.compile(
    r"^To (?:the |all )?[^.:;!?]{0,80}\b(?:"
    + "|".join(lx.ADDRESSEE_WORDS)
    + r")\b[^:;!?]{0,80}\.?$"
)
LIST_HEAD = re.compile(
    r"^(?P<word>SUBJECT|Subject|PARTICIPANTS|Participants|PARTICIPANT|"
    r"Participant|PRESENT|Present|Also [Pp]resent|ALSO PRESENT(?: [A-Z ]{1,40})?|"
    r"Interpreters?|TO|MEMORANDUM FOR|DATE AND TIME|DATE, TIME,? AND PLACE|TIME AND PLACE|"
    r"DATE AND PLACE|DATE|TIME|PLACE)"
    r"(?:(?P<colon>:)\s*(?P<rest>.*)|\s*)$"
)


_SIGNER_TITLE = re.compile(r"\b(?:" + "|".join(lx.SIGNER_TITLE_WORDS) + r")\b")
SIGNING_FOR = re.compile(r"^" + lx.SIGNING_FOR + r"$")


def is_signer_title(text: str) -> bool:
    """Tell whether a line under a signature is the signer's title (``Special Assistant to
    the President``): a short line without end punctuation that names an office."""
    core = shadow(text).strip()
    words = core.split()
    return (
        0 < len(words) <= 12
        and core[0].isupper()
        and core[-1] not in ".;:!?"
        and bool(_SIGNER_TITLE.search(core))
    )


#: An editors' line of the opening: ``[Excerpts]``, ``[Paraphrase]``, ``[Translation]``.
FRONT_BRACKET = re.compile(r"^\[[A-Z][A-Za-z" + lx.DASHES + r"— ]{2,40}\]$")


def keeps_opening(text: str) -> bool:
    """Tell whether a paragraph line before the document's first paragraph leaves the
    opening open (classification lines, a subject list may still follow it): an editors'
    line (``[Paraphrase]``) or a memorandum's header line (``FROM: S/P—Anthony Lake``)."""
    core = shadow(text).strip()
    return bool(FRONT_BRACKET.match(core) or MEMO_FIELD.match(core))


#: A line that names the kind of paper under its title (``Aide-Mémoire``, ``Note Verbale``).
PAPER_KIND = re.compile(r"^(?:" + "|".join(lx.PAPER_KINDS) + r")$", re.IGNORECASE)

#: A title that names a talk or a meeting, whose unheaded name list is its participants.
MEETING_TITLE = re.compile(r"\b(?:" + "|".join(lx.MEETING_WORDS) + r")\b")


def is_salute(text: str) -> bool:
    """Tell whether a line of its own is a salutation (``Dear Mr. Secretary:``)."""
    core = shadow(text).strip()
    return len(core) <= 80 and bool(SALUTE.match(core))


def is_closing(text: str) -> bool:
    """Tell whether a line is a closing phrase (``Sincerely yours,``, ``I have, etc.,``)."""
    core = shadow(text).strip()
    return len(core) <= 160 and bool(CLOSING.match(core))


def list_head(text: str) -> tuple[str, str, str] | None:
    """Read a subject or participants heading: (list type, heading text, rest of line).

    ``SUBJECT`` and ``Subject:`` head a subject list, ``PARTICIPANTS`` and ``Participants:``
    a participants list; a title-case word needs its colon.
    """
    match = LIST_HEAD.match(shadow(text).strip())
    if not match:
        return None
    word, colon = match.group("word"), match.group("colon")
    if not colon and not word.isupper():
        return None
    if word in ("TO", "MEMORANDUM FOR"):
        # The addressees of a memorandum: a list of its own (no TEI list type names them).
        return ("list", word, "") if not colon else None
    if word.startswith(("DATE", "TIME", "PLACE")):
        # A 1969–80 memorandum of conversation's DATE AND TIME: / PLACE: over its bulleted
        # item: a list of its own; with its value on the line (``DATE: May 3``), a paragraph.
        rest = (match.group("rest") or "").strip()
        return None if rest else ("list", word + (colon or ""), "")
    kind = "subject" if word.lower() == "subject" else "participants"
    head = word + (colon or "")
    return kind, head, (match.group("rest") or "").strip()


#: The line that opens an enclosure printed after a despatch: ``[Inclosure.]``, ``[Inclosure
#: 1 in No. 72.]``, ``[Enclosure]``, ``[Enclosure 2—Translation]``.
ENCLOSURE_LABEL = re.compile(
    r"^\[(?:Sub)?(?:In|En)closure\b[^\[\]]{0,80}\]\.?$"
    # a paper attached to a later memorandum: ``Attachment``, ``[Tab A]``, ``Tab B``
    r"|^\[?(?:Attachment|Tab)(?: [A-Z0-9]{1,3})?\]?$"
    r"|^\[(?:Attachment|Tab|Annex)\b[^\[\]]{0,60}\]$",
    re.IGNORECASE,
)
#: An 1860s–1870s inclosure's number on a line of its own under the signature: ``No. 1.``.
NUMBERED_LABEL = re.compile(r"^No\. \d{1,2}\.$")
#: A second label line under an inclosure's number: ``[Translation.]``, ``[Extract.]``.
KIND_LABEL = re.compile(r"^\[(?:Translation|Extract|Copy|Memorandum)\b[^\[\]]{0,40}\]\.?$")
#: The first line of a postscript: ``P. S.—…``, ``P.S. …``.
POSTSCRIPT = re.compile(r"^P\.\s?S\.")
