"""Read a page-text file from disk into clean lines, or explain why it cannot be read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from teikit.errors import InputError, Problem

# Characters that XML 1.0 forbids (everything below U+0020 but TAB, LF, CR; the surrogates;
# U+FFFE and U+FFFF). CR is handled before this check.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: How many bytes of an input are looked at to tell text from binary.
_SNIFF = 8192


@dataclass
class SourceText:
    """A decoded input: its display name, its lines (no line ends) and reading warnings."""

    name: str
    lines: list[str]
    warnings: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"


def _problem(name: str, line: int | None, message: str, hint: str, code: str) -> InputError:
    return InputError(Problem(name, line, message, hint, code))


def decode(data: bytes, name: str) -> SourceText:
    """Decode the bytes of a page-text file.

    UTF-8 is expected. A UTF-8 byte-order mark is dropped, and UTF-16 with a byte-order mark
    is decoded, each with a warning. CRLF and lone CR line ends become LF.

    Args:
        data: the raw file content.
        name: the name used in messages (usually the path).

    Returns:
        The decoded :class:`SourceText`.

    Raises:
        InputError: for empty or whitespace-only input, binary data, text that is not UTF-8,
            or characters that XML 1.0 cannot hold.
    """
    warnings: list[Problem] = []
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _problem(name, None, "the file starts with a UTF-16 byte-order mark but is "
                           f"not valid UTF-16 ({exc.reason})", "save it as UTF-8",
                           "encoding") from exc
        warnings.append(Problem(name, None, "the file is UTF-16; read it as such",
                                "save page text as UTF-8", "encoding-utf16"))
    else:
        if b"\x00" in data[:_SNIFF]:
            raise _problem(name, None, "this is a binary file, not page text (it holds NUL "
                           "bytes)", "give a UTF-8 text file copied from history.state.gov",
                           "binary")
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            warnings.append(Problem(name, None, "dropped a UTF-8 byte-order mark", "",
                                    "encoding-bom"))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            bad = data[exc.start : exc.start + 1].hex()
            raise _problem(name, line, f"not UTF-8 text (byte 0x{bad} at offset {exc.start})",
                           "re-save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)",
                           "encoding") from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        what = "empty" if not text else "blank (whitespace only)"
        raise _problem(name, None, f"the file is {what}",
                       "give the text of one FRUS document", "empty")
    bad_char = _FORBIDDEN.search(text)
    if bad_char:
        line = text.count("\n", 0, bad_char.start()) + 1
        code = f"U+{ord(bad_char.group()):04X}"
        raise _problem(name, line, f"character {code} cannot appear in XML",
                       "remove it or replace it with the character meant", "forbidden-char")
    return SourceText(name=name, lines=text.split("\n"), warnings=warnings, encoding=encoding)


def read_source(path: Path) -> SourceText:
    """Read and decode one page-text file.

    Args:
        path: the file to read.

    Returns:
        The decoded :class:`SourceText`.

    Raises:
        InputError: when the path is missing, a directory, unreadable, or not page text.
    """
    name = str(path)
    if not path.exists():
        raise _problem(name, None, "no such file", "check the path", "missing")
    if path.is_dir():
        raise _problem(name, None, "is a directory, not a page-text file",
                       "give the files inside it, e.g. DIR/*.txt", "directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _problem(name, None, f"cannot read the file ({exc.strerror})",
                       "check its permissions", "unreadable") from exc
    return decode(data, name)
