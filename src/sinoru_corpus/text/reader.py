"""Reading pages from bytes and files: decoding, binary detection, warnings."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable

import attrs

from ..errors import BinaryInputError, InputTooLargeError, NotRegularFileError
from ..model import Article, ParseWarning, WarningCode

__all__ = ["MAX_BYTES", "decode_bytes", "parse_bytes", "read_article", "read_page_bytes"]

MAX_BYTES: int = 10 * 1024 * 1024
"""The default size cap of the reader: 10 MiB (10,485,760 bytes)."""

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


def parse_bytes(data: bytes, *, source: str | None = None, max_bytes: int | None = MAX_BYTES) -> Article:
    """Decode ``data`` and parse it; decoding warnings come first in ``Article.warnings``.

    More than ``max_bytes`` bytes (default :data:`MAX_BYTES`, 10 MiB; ``None``
    for no cap) raise :class:`~sinoru_corpus.errors.InputTooLargeError`.
    """
    from ..parse import parse_article

    name = source or "<bytes>"
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(name, len(data), max_bytes, "bytes")
    text, warnings = decode_bytes(data, name=name)
    # the byte cap bounds the text: a decoded page never has more characters than bytes
    article = parse_article(text, source=source, max_chars=None)
    if not warnings:
        return article
    return attrs.evolve(article, warnings=warnings + article.warnings)


_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a file"


def read_page_bytes(path: str | os.PathLike[str], *, max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of a page file, read safely.

    The path (symlinks followed) must be a regular file: a FIFO, a device, a
    socket or a directory raises :class:`~sinoru_corpus.errors.NotRegularFileError`
    before it is opened, so reading never blocks. At most ``max_bytes`` bytes
    are read (default :data:`MAX_BYTES`, 10 MiB; ``None`` for no cap); a larger
    file raises :class:`~sinoru_corpus.errors.InputTooLargeError`. Other
    failures raise :class:`OSError` with the system's reason.
    """
    name = os.fspath(path)
    mode = os.stat(name).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(name, _kind(mode))
    # O_NONBLOCK: if the path was swapped for a FIFO since the check, opening does not wait.
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(name, _kind(info.st_mode))
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputTooLargeError(name, info.st_size, max_bytes, "bytes")
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:  # the file grew while it was read
        raise InputTooLargeError(name, len(data), max_bytes, "bytes")
    return data


def read_article(
    path: str | os.PathLike[str], *, source: str | None = None, max_bytes: int | None = MAX_BYTES
) -> Article:
    """Read and parse one page. ``source`` defaults to the file name, which with the text makes the id.

    Raises :class:`~sinoru_corpus.errors.NotRegularFileError` for anything but a
    regular file (checked before opening: a FIFO never blocks),
    :class:`~sinoru_corpus.errors.InputTooLargeError` for a file over
    ``max_bytes`` (default :data:`MAX_BYTES`, 10 MiB),
    :class:`~sinoru_corpus.errors.BinaryInputError` for binary files and
    :class:`OSError` when the file cannot be read.
    """
    data = read_page_bytes(path, max_bytes=max_bytes)
    name = source if source is not None else os.path.basename(os.fspath(path))
    return parse_bytes(data, source=name, max_bytes=None)
