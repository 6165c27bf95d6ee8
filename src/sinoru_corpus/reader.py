"""Reading pages from bytes and files: decoding, binary detection, warnings."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import attrs

from .errors import BinaryInputError
from .model import Article, ParseWarning, WarningCode

__all__ = ["decode_bytes", "parse_bytes", "read_article"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in a text page (tab, newlines, form feed and ESC excepted).
_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13, 27}
_SNIFF = 8192


def _check_text_like(data: bytes, name: str) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(name, f"NUL byte at offset {nul}")
    head = data[:_SNIFF]
    if head:
        controls = sum(1 for b in head if b in _CONTROL)
        if controls * 10 > len(head):
            raise BinaryInputError(name, f"{controls} control bytes in the first {len(head)} bytes")


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, tuple[ParseWarning, ...]]:
    """Decode a page: UTF-8 (with or without BOM), UTF-16/32 with BOM.

    Bytes that are not UTF-8 are decoded as Windows-1252 when that covers them
    all, else as UTF-8 with U+FFFD for each bad sequence; either way a warning
    says so. Binary data raises :class:`~sinoru_corpus.errors.BinaryInputError`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), ()
            except UnicodeDecodeError as exc:
                text = data.decode(encoding, errors="replace")
                return text, (
                    ParseWarning(
                        WarningCode.DECODING,
                        f"{name}: invalid {encoding} at byte {exc.start}; bad sequences became U+FFFD",
                    ),
                )
    _check_text_like(data, name)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        message = f"{name}: not valid UTF-8 (first bad byte at {first_bad}); bad sequences became U+FFFD"
    else:
        message = f"{name}: not valid UTF-8 (first bad byte at {first_bad}); decoded as Windows-1252"
    return text, (ParseWarning(WarningCode.DECODING, message),)


def parse_bytes(data: bytes, *, source: str | None = None) -> Article:
    """Decode ``data`` and parse it; decoding warnings come first in ``Article.warnings``."""
    from .parse import parse_article

    text, warnings = decode_bytes(data, name=source or "<bytes>")
    article = parse_article(text, source=source)
    if not warnings:
        return article
    return attrs.evolve(article, warnings=warnings + article.warnings)


def read_article(path: str | os.PathLike[str], *, source: str | None = None) -> Article:
    """Read and parse one page. ``source`` defaults to the path as given.

    Raises :class:`~sinoru_corpus.errors.BinaryInputError` for binary files and
    :class:`OSError` when the file cannot be read.
    """
    file = Path(path)
    return parse_bytes(file.read_bytes(), source=source if source is not None else os.fspath(path))
