"""The shared vocabularies of FRUS page text, written once for every module that reads it.

The reader (teikit.reader) and the date inference (teikit.dates) both read month names,
dashes, decimal file numbers and page markers; each vocabulary lives here as data (a tuple
or a regular-expression fragment) so that the readers cannot drift apart.
"""

from __future__ import annotations

#: The months, in order, as FRUS prints them in full.
MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Abbreviated month names seen in datelines and telegram references, with their number.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan.": 1,
    "Feb.": 2,
    "Mar.": 3,
    "Apr.": 4,
    "Jun.": 6,
    "Jul.": 7,
    "Aug.": 8,
    "Sep.": 9,
    "Sept.": 9,
    "Oct.": 10,
    "Nov.": 11,
    "Dec.": 12,
}
#: A regular-expression alternation of every month word (full names first).
MONTH_WORD = (
    "(?:" + "|".join([*MONTHS, *(name.replace(".", r"\.") for name in MONTH_ABBREVIATIONS)]) + ")"
)

#: The dashes a file number or a date range may be written with (hyphen, U+2010, U+2011,
#: figure dash, en dash, minus sign).
DASHES = "-\u2010\u2011\u2012\u2013\u2212"
#: One of :data:`DASHES`, as a character class.
DASH = "[" + DASHES + "]"

#: The bullets of the blank-line rendering (style B), after their indentation.
BULLETS_B = "•·▪◦"
#: The bullet of the one-block-per-line rendering (style A), at the start of the line.
BULLET_A = "- "

#: The kinds of page marker besides the plain ``[Page N]``.
PAGE_KINDS: tuple[str, ...] = ("Facsimile", "Typeset")
#: A page marker's body: ``[Page 722]``, ``[Facsimile Page 3]``, ``[Typeset Page iv]``;
#: group 1 is the kind (or None), group 2 the page number.
PAGE_MARKER = r"\[(?:(" + "|".join(PAGE_KINDS) + r") )?Page ([0-9]+|[ivxlcdm]+)\]"

#: A row of spaced points or asterisks standing for omitted text (``. . . . . . .``,
#: ``* * *``): a line of its own, centred in print.
OMISSION_ROW = r"[.*…](?:[ \u00a0]+[.*…]){2,}"

#: The class of a decimal file number (``711.61``, ``867N.01``, ``033.1110``), perhaps with
#: a parenthesised subdivision (``300.115(39)``, the file's year or country group).
FILE_CLASS = r"\d{3}[A-Z]?(?:\.[0-9A-Za-z]+)?(?:\([0-9A-Za-z]{1,6}\))?(?:" + DASH + r"[A-Z]{1,5})?"
#: The words a file number may carry between its class and its slash: names, places,
#: subjects, years, initials, commas and parentheses (``Wallace, Henry A.``,
#: ``Control (Germany)``, ``European War 1939``, ``Consultation 3``).
FILE_SUBJECT = r"(?:,?\s+[0-9A-Z(][\w.’'()&]*(?:" + DASH + r"[\w.]+)?){0,8}?"
#: The document part after the slash (``4–1249``, ``1343a``, ``83``, ``2651½``: a paper
#: filed between two numbers).
FILE_DOCUMENT = r"[0-9A-Za-z" + DASHES + r"½¼¾]+"

#: The kinds of document a source line may name after its colon.
DOCUMENT_KINDS: tuple[str, ...] = (
    "Telegram",
    "Airgram",
    "Despatch",
    "Instruction",
    "Memorandum",
    "Note",
    "Letter",
    "Telephone Message",
    "Radiogram",
    "Cable",
    "Circular telegram",
    "Circular airgram",
)

#: Closing phrases of letters and despatches (regular-expression alternatives, tried in
#: order); the line may end in a comma or period.
CLOSINGS: tuple[str, ...] = (
    r"(?:Very )?(?:[Ss]incerely|[Ff]aithfully|[Rr]espectfully|[Cc]ordially|[Tt]ruly|"
    r"[Gg]ratefully)(?: yours)?(?:, (?:etc\.|&c\.))?",
    r"Yours,? (?:very )?(?:sincerely|faithfully|respectfully|truly|ever)",
    r"Very (?:truly|sincerely|respectfully|cordially) yours",
    r"With (?:warm(?:est)? |best |kind(?:est)? |all good )?(?:regards|wishes)",
    r"(?:Best|Warm(?:est)?|Kind(?:est)?) regards",
    r"I have, etc\.",
    r"I am, etc\.",
    r"I (?:am|remain|have), &c\.",
    r"(?:I (?:am|remain|have|renew)|Accept|Believe me),? \[etc\.\]",
    r"I have the honor to be, .{0,80}",
    r"I am, (?:sir|Sir|my dear [^,]{1,30}|Excellency), .{0,80}",
    r"Accept, .{0,120}",
    # 1861-1929 despatches and notes: the printed volumes shorten the closing with
    # ``etc.``, ``&c.`` or ``[etc.]`` (``I avail, etc.``, ``Be pleased, etc.,``, ``I am [etc.]``).
    r"I (?:am|have|remain),(?: sir,)? (?:etc\.|&c\.)(?:,? (?:etc\.|&c\.))*",
    # ``I renew [etc.]``, ``I renew, etc.``, ``I renew the assurances …, &c.``
    r"I renew(?: [^,]{1,100})?,? (?:etc\.|&c\.|\[etc\.\])",
    # ``Very respectfully, etc.,``, ``Sincerely yours, &c.``
    r"(?:Very )?(?:[Ss]incerely|[Ff]aithfully|[Rr]espectfully|[Cc]ordially|[Tt]ruly)"
    r"(?: yours)?,? (?:etc\.|&c\.|\[etc\.\])",
    r"(?:I|We) (?:have|had) the hono(?:u)?r(?: to (?:be|remain))?, (?:etc\.|&c\.)",
    r"I avail(?: myself)?(?: of [^,]{1,100})?,? (?:etc\.|&c\.)",
    r"(?:Please accept|Be pleased|Pray accept)(?: [^,]{1,60})?, (?:etc\.|&c\.)",
    r"With (?:assurances|the assurances|respect and (?:consideration|esteem)|(?:high|the highest|"
    r"great) (?:consideration|respect))(?: [^,]{1,60})?(?:, (?:etc\.|&c\.))?",
    r"I am, (?:gentlemen|my lord|my Lord|madam|your excellency|your Excellency), .{0,80}",
    r"(?:Very )?(?:[Ss]incerely|[Ff]aithfully|[Rr]espectfully|[Cc]ordially|[Tt]ruly),? [Yy]ours",
    r"Ever yours,? (?:and )?(?:sincerely|faithfully|truly)",
    # A closing sentence of the 1860s-1890s that ends on the writer's service:
    # ``… will greatly oblige your very obedient servants,``.
    r"[A-Z].{0,150}\b(?:obedient|humble) servants?",
    # A short line whose writer closes with the printed abbreviation: ``Trusting to your
    # approval, I have, &c.,`` (never ``Señor Don Matias Romero, &c., &c., &c.``, an address).
    r"[A-Z][^.;:]{0,60}\b(?:I|[Ww]e) (?:have|am|remain|avail|beg|pray)[^.;:]{0,30},? "
    r"(?:etc\.|&c\.)(?:,? (?:etc\.|&c\.))*",
)

#: Salutations on a line of their own, or opening the first paragraph.
SALUTATIONS: tuple[str, ...] = (
    r"(?:My )?[Dd]ear [^:]{1,60}",
    r"(?:Mr\.|Madam|Madame|Mister) (?:President|Secretary|Vice President|Prime Minister|"
    r"Ambassador|Minister|Chairman|Speaker|Director|Senator|Under Secretary)[^:]{0,40}",
    r"Sir",
    r"Sirs",
    r"Gentlemen",
    r"Excellency",
    r"Your Excellency",
    r"Monsieur le Ministre",
)

#: How the addressee's line under an 1860s–1900s signature begins (``Hon. William H.
#: Seward, …``, ``His Excellency …``); a line ending in ``&c., &c., &c.`` or holding
#: ``Esq.`` is one too (regular-expression alternatives).
ADDRESS_OPENERS: tuple[str, ...] = (
    r"Hon\.",
    r"The Hon(?:orable|ourable|\.)",
    r"(?:His|Her|Their|Your) (?:Excellency|Excellencies|Highness|Majesty|Lordship)",
    r"Messrs\.",
    r"Señor Don",
)
#: Capitalised words that end a sentence rather than sign a letter: a last line of such
#: words with a final period (``Full Text Follows.``) is no signature unless a closing
#: stands above it.
SENTENCE_WORDS: frozenset[str] = frozenset(
    (
        # the end of a message, its copy and its handling
        "full",
        "text",
        "follows",
        "follow",
        "ends",
        "end",
        "message",
        "not",
        "printed",
        "repeated",
        "sent",
        "unchanged",
        "situation",
        "received",
        "quote",
        "unquote",
        "continued",
        "copy",
        "omitted",
        "here",
        "same",
        "date",
        "signed",
        "paraphrase",
        "translation",
        "enclosure",
        "inclosure",
        "department",
        "none",
        "all",
        "well",
        "urgent",
        "secret",
        "confidential",
        "strictly",
        "personal",
        # one-word telegraphic sentences
        "please",
        "advise",
        "instruct",
        "instructions",
        "acknowledge",
        "repeat",
        "reply",
        "answer",
        "confirm",
        "confirmed",
        "cable",
        "wire",
        "telegraph",
        "proceed",
        "report",
        "inform",
        "expedite",
        "noted",
        "approved",
        "agreed",
        "done",
        "correct",
        "understood",
        "yes",
        "no",
        "impossible",
        "stop",
        "thanks",
        "regards",
        "declined",
        "refused",
    )
)

#: Abbreviations after which a print line may break without ending a sentence (``Mr.`` /
#: ``Frelinghuysen``).
LINE_END_ABBREVIATIONS: tuple[str, ...] = (
    "Mr.",
    "Mrs.",
    "Messrs.",
    "Dr.",
    "St.",
    "Gen.",
    "Col.",
    "Capt.",
    "Hon.",
    "No.",
    "Nos.",
)

# -- the titles of older documents (1861–1954) -----------------------------------------------

#: Ranks and offices written before a surname in a title (``Chargé Holt to the Secretary of
#: State.``, ``Minister Russell to …``, ``President Wilson to …``, the French ``M. Delcassé
#: to Mr. Porter.``; ``M`` alone is ``Mr.`` or ``M.`` with its letters lost). Regular-
#: expression alternatives.
TITLE_RANKS: tuple[str, ...] = (
    r"Charg[ée](?: d['’]Affaires)?(?: ad interim)?",
    r"Minister(?: Resident)?",
    r"Ambassador",
    r"(?:Vice[- ])?Consul(?:[- ]General)?",
    r"(?:Consular|Commercial|Special|Diplomatic|Confidential) Agent",
    r"(?:Vice )?President",
    r"(?:Acting |Assistant |Second Assistant |Third Assistant )?Secretary",
    r"Senator",
    r"Governor(?:[- ]General)?",
    r"(?:High )?Commissioner",
    r"Judge",
    r"(?:Rear )?Admiral",
    r"Colonel|Major|Lieutenant",
    r"Viscount|Earl|Duke",
    r"M\.?",
)
#: Sovereigns who write to the President (``His Majesty the King of Siam to the
#: President.``), perhaps with their title after them.
TITLE_SOVEREIGNS: tuple[str, ...] = (r"(?:His|Her) (?:Imperial |Royal )?(?:Majesty|Highness)",)
#: Titles that repeat the writer or addressee of the document before them.
TITLE_SAME_SENDERS: tuple[str, ...] = (r"(?:The )?[Ss]ame",)
#: Titles that are a fixed phrase and stand alone on their line (the final period is
#: optional): ``Circular.``, ``Executive order.``, the site's ``[Untitled]``.
STANDALONE_TITLES: tuple[str, ...] = (
    r"Circular(?: (?:instruction|telegram|note|letter|airgram))?(?: No\. \d{1,4})?",
    r"Executive [Oo]rder(?: No\. \d{1,5})?",
    r"\[Untitled\]",
    r"(?:A )?Proclamation(?: No\. \d{1,5})?",
    r"By the President of the United States(?: of America)?",
    r"Aide-[Mm][ée]moire|Note [Vv]erbale|Pro [Mm]emoria|Memorandum",
    r"Identic (?:note|instruction|telegram)",
)
#: The kinds of paper a title may begin with when it names no writer and addressee (``Convention
#: Between the United States and …``, ``Press Release Issued by …``), each followed by one
#: of :data:`TITLE_KIND_LINKS`.
TITLE_KINDS: tuple[str, ...] = (
    r"Convention",
    r"Treaty",
    r"Protocol",
    r"Agreement",
    r"Arrangement",
    r"Declaration",
    r"Proclamation",
    r"(?:Joint )?Resolution",
    r"Press [Rr]elease",
    r"(?:Joint )?[Cc]ommuniqu[ée]",
    r"(?:Joint |Oral )?[Ss]tatement",
    r"Decree",
    r"Exchange of [Nn]otes",
    r"Executive [Oo]rder",
    r"Message",
    r"Report",
    r"Minutes",
    r"Record",
    r"Summary",
    r"Notes",
    r"Draft",
    r"Paper",
    r"Translation",
    r"Aide-[Mm][ée]moire",
    r"Note(?: [Vv]erbale)?",
    r"Letter",
    r"Telegram",
    r"(?:Radio )?Address",
    r"Remarks",
    r"Speech",
)
#: The words that link a :data:`TITLE_KINDS` word to the rest of its title.
TITLE_KIND_LINKS: tuple[str, ...] = (
    "between",
    "by",
    "of",
    "from",
    "on",
    "for",
    "concerning",
    "regarding",
    "respecting",
    "relating",
    "issued",
    "signed",
    "adopted",
    "with",
    "among",
    "at",
    "extending",
    "amending",
    "concluded",
    "providing",
)
#: The words that name the addressees of a circular (``To the diplomatic and consular
#: officers of the United States.``).
ADDRESSEE_WORDS: tuple[str, ...] = (
    "officers",
    "representatives",
    "missions",
    "posts",
    "consuls",
    "agents",
    "legations",
    "embassies",
    "consulates",
)

#: Words of an office that a signer's title line holds under the signature
#: (``Special Assistant to the President``, ``Director of Central Intelligence``).
SIGNER_TITLE_WORDS: tuple[str, ...] = (
    "Secretary",
    "Assistant",
    "Director",
    "President",
    "Ambassador",
    "Minister",
    "Chairman",
    "Adviser",
    "Advisor",
    "Counselor",
    "Chief",
    "Deputy",
    "Officer",
    "Consul",
    "Chargé",
    "Administrator",
    "Commissioner",
    "Attorney",
    "Representative",
    "Delegate",
    "Executive",
)
#: The line over a signature that names whom the signer signs for: ``For the Secretary of
#: State:``, ``For the Imperial Ambassador:`` (a regular-expression alternative).
SIGNING_FOR = r"For (?:the )?[A-Z][^:]{2,80}:"
#: How a participant's line begins when the page dropped the list's head (``Secretary
#: Dulles``, ``Mr. Rountree (part-time)``, ``Major Eisenhower``): a form of address or a rank.
PARTICIPANT_OPENERS: tuple[str, ...] = (
    r"(?:Mr|Mrs|Ms|Dr|Gen|Adm|Col|Amb|Sen|Gov)\.",
    r"Miss|Sir|Lord|Lady|Monsieur|Madame|Herr|Señor|Senator|Governor|Congressman",
    r"(?:The )?(?:Vice )?President",
    r"(?:The )?(?:Acting |Assistant |Deputy |Under |Executive )*Secretary",
    r"(?:The )?(?:Prime |Foreign |Defense )?Minister",
    r"(?:The )?Ambassador|Chargé|Counselor|Director|Admiral|General|Colonel|Major|Captain",
)
#: Words of a title that names a talk or a meeting (``Memorandum of Conversation``,
#: ``Summary of Conclusions of a … Meeting``, ``Minutes of …``).
MEETING_WORDS: tuple[str, ...] = (
    "Conversation",
    "Meeting",
    "Minutes",
    "Conclusions",
    "Conference",
    "Discussion",
    "Luncheon",
    "Dinner",
)
#: The kinds of diplomatic paper a line under a title may name (a regular expression each).
PAPER_KINDS: tuple[str, ...] = (
    r"Aide[- ]M[ée]moire",
    r"Note Verbale",
    r"Pro Memoria",
    r"Oral Statement",
    r"Circular Memorandum",
    r"Memorandum",
    r"Communiqu[ée]",
)

#: The field names of a 1961–1980 memorandum's or telegram's header lines, each followed by
#: its colon and value (``MEMORANDUM FOR: The Secretary``, ``FROM: S/P—Anthony Lake``,
#: ``REF: State 123456``): one paragraph each, never a section heading.
MEMO_FIELDS: tuple[str, ...] = (
    "MEMORANDUM FOR",
    "ACTION MEMORANDUM FOR",
    "INFORMATION MEMORANDUM FOR",
    "MEMORANDUM TO",
    "TO",
    "FROM",
    "THROUGH",
    "THRU",
    "VIA",
    "SUBJECT",
    "ACTION",
    "INFO",
    "REF",
    "REFS",
    "REFERENCE",
    "REFERENCES",
    "DATE",
    "TIME",
    "PLACE",
    "CC",
)

#: The words that name a body of papers in an older source line (``Roosevelt Papers``,
#: ``Bohlen Collection``, ``Leahy Diary``, ``Stettinius Calendar Notes``).
HOLDINGS_WORDS: tuple[str, ...] = (
    "[Ff]iles?",
    "[Pp]apers",
    "[Rr]ecords",
    "[Aa]rchives",
    "[Mm]inutes",
    "[Cc]ollections?",
    "[Dd]iary",
    "[Dd]iaries",
    "[Cc]alendar [Nn]otes",
)

#: The printed series an older source line may cite for a published paper
#: (``Department of State Bulletin, vol. XII, p. 213``, ``Executive Agreement Series No. 236``).
PUBLISHED_SOURCES: tuple[str, ...] = (
    "Department of State Bulletin",
    "Executive Agreement Series",
    "Treaty Series",
    "Treaties and Other International Acts Series",
    "TIAS",
    "Public Papers",
    "Congressional Record",
    "Documents on American Foreign Relations",
)
