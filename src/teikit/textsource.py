"""Read a page-text file from disk into clean lines, or explain why it cannot be read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from teikit.errors import InputError, Problem
from teikit.files import display_name, read_input

# Characters that XML 1.0 forbids (everything below U+0020 but TAB, LF, CR; the surrogates;
# U+FFFE and U+FFFF). CR is handled before this check.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: How many bytes of an input are looked at to tell text from binary.
_SNIFF = 8192
#: Share of NUL bytes above which an input is binary rather than text with a stray NUL.
_NUL_SHARE = 0.01
#: How many places of characters XML forbids one message names.
_MAX_PLACES = 5
#: The opening bytes of common binary formats, and what to call them.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (such as a .docx or .odt file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc)"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"BZh", "a bzip2 archive"),
)


@dataclass
class SourceText:
    """A decoded input: its display name, its lines (no line ends) and reading warnings."""

    name: str
    lines: list[str]
    warnings: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"


def _problem(name: str, line: int | None, message: str, hint: str, code: str) -> InputError:
    return InputError(Problem(name, line, message, hint, code))


def _binary_kind(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or say it holds many NUL bytes."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    sample = data[:_SNIFF]
    if sample.count(0) > max(2, len(sample) * _NUL_SHARE):
        return "a binary file (it holds many NUL bytes)"
    return None


def _utf16_without_mark(data: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte-order mark."""
    sample = data[: _SNIFF - _SNIFF % 2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return codec
    return None


def _forbidden(name: str, text: str) -> InputError | None:
    found = []
    for match in _FORBIDDEN.finditer(text):
        found.append((text.count("\n", 0, match.start()) + 1, f"U+{ord(match.group()):04X}"))
        if len(found) > _MAX_PLACES:
            break
    if not found:
        return None
    line, code = found[0]
    message = f"character {code} cannot appear in XML"
    others = [f"{c} on line {n}" for n, c in found[1:_MAX_PLACES]]
    if others:
        more = " and more" if len(found) > _MAX_PLACES else ""
        message += f" (also {', '.join(others)}{more})"
    return _problem(
        name, line, message, "remove it or replace it with the character meant", "forbidden-char"
    )


def decode(data: bytes, name: str) -> SourceText:
    """Decode the bytes of a page-text file.

    UTF-8 is expected. A UTF-8 byte-order mark is dropped, and UTF-16 (with a byte-order
    mark, or without one when every other byte is NUL) is decoded, each with a warning. CRLF
    and lone CR line ends become LF. A file that starts like a known binary format, or holds
    many NUL bytes, is binary; a stray NUL or control character in text is reported with
    its line, as a character XML cannot hold. Text in another 8-bit encoding (Windows-1252,
    Latin-1) is refused with the place of the first byte that is not UTF-8: the encoding
    cannot be told for sure, and a wrong guess would change characters silently.

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
            raise _problem(
                name,
                None,
                "the file starts with a UTF-16 byte-order mark but is "
                f"not valid UTF-16 ({exc.reason})",
                "save it as UTF-8",
                "encoding",
            ) from exc
        warnings.append(
            Problem(
                name,
                None,
                "the file is UTF-16; read it as such",
                "save page text as UTF-8",
                "encoding-utf16",
            )
        )
    elif (codec := _utf16_without_mark(data)) is not None:
        encoding = "utf-16"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise _problem(
                name,
                None,
                f"the file looks like {codec.upper()} without a "
                f"byte-order mark but is not valid UTF-16 ({exc.reason})",
                "save it as UTF-8",
                "encoding",
            ) from exc
        warnings.append(
            Problem(
                name,
                None,
                f"the file is {codec.upper()} without a byte-order mark; read it as such",
                "save page text as UTF-8",
                "encoding-utf16",
            )
        )
    else:
        kind = _binary_kind(data)
        if kind is not None:
            raise _problem(
                name,
                None,
                f"this is a binary file, not page text: {kind}",
                "give a UTF-8 text file copied from history.state.gov",
                "binary",
            )
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            warnings.append(
                Problem(name, None, "dropped a UTF-8 byte-order mark", "", "encoding-bom")
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if b"\x00" in data:  # NUL bytes and no UTF-8: not text at all
                raise _problem(
                    name,
                    None,
                    "this is a binary file, not page text: it holds NUL bytes and is not UTF-8",
                    "give a UTF-8 text file copied from history.state.gov",
                    "binary",
                ) from exc
            line = data[: exc.start].count(b"\n") + 1
            bad = data[exc.start : exc.start + 1].hex()
            guess = ""
            try:
                data.decode("cp1252")
                guess = "; it looks like Windows-1252 or Latin-1"
            except UnicodeDecodeError:
                pass
            raise _problem(
                name,
                line,
                f"not UTF-8 text (byte 0x{bad} at offset {exc.start})"
                f"{guess}; not converted, since the encoding cannot be told for "
                "sure",
                "re-save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8 IN > OUT)",
                "encoding",
            ) from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        what = "empty" if not text else "blank (whitespace only)"
        raise _problem(
            name, None, f"the file is {what}", "give the text of one FRUS document", "empty"
        )
    error = _forbidden(name, text)
    if error is not None:
        raise error
    return SourceText(name=name, lines=text.split("\n"), warnings=warnings, encoding=encoding)


def read_source(path: Path) -> SourceText:
    """Read and decode one page-text file.

    Args:
        path: the file to read.

    Returns:
        The decoded :class:`SourceText`.

    Raises:
        InputError: when the path is missing, not a regular file, unreadable, or not page
            text.
    """
    data = read_input(path)  # regular files only: a FIFO or device is never opened
    return decode(data, display_name(path))
