"""The line accounting: every input line is used exactly once, or reported.

The reader records where each block's text came from (its fields carry their line), where
each note paragraph and page marker stood, and which lines it left out on purpose with a
warning. :func:`account` turns those records into one role per line and lists the lines
no part of the reader claimed and the lines two parts claimed; the reader reports both, so
that no reader path can drop a line in silence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Accounting:
    """One role per line, and what went wrong: lines nobody used, lines used twice."""

    roles: dict[int, str] = field(default_factory=dict)
    unused: list[int] = field(default_factory=list)
    reused: list[tuple[int, str, str]] = field(default_factory=list)  # line, first, second


def account(lines: list[str], uses: Iterable[tuple[int, str]]) -> Accounting:
    """Give every line of ``lines`` its role from ``uses`` (1-based line, role).

    Args:
        lines: the input lines, as the reader read them.
        uses: each claim on a line, in any order: a block's line with the block kind, a
            note paragraph's line with ``note``, and so on. A blank line needs no claim.

    Returns:
        The roles, the non-blank lines no claim covers, and the lines claimed twice.
    """
    result = Accounting()
    roles = result.roles
    for line, role in uses:
        if line in roles:
            result.reused.append((line, roles[line], role))
        else:
            roles[line] = role
    for number, text in enumerate(lines, 1):
        if number in roles:
            continue
        if text.strip():
            result.unused.append(number)
        else:
            roles[number] = "blank"
    result.roles = dict(sorted(roles.items()))
    return result
