"""Reading pages from bytes and files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sinoru_corpus import BinaryInputError, SinoruError, parse_bytes, read_article
from sinoru_corpus.model import WarningCode
from sinoru_corpus.text.reader import decode_bytes

PAGE = "Commentary | 8 May 2015\n\nA Plain Title for the Test\n\nThe body says something useful here.\n"


def test_utf8_plain_and_with_bom() -> None:
    assert decode_bytes(PAGE.encode()) == (PAGE, ())
    assert decode_bytes(codecs.BOM_UTF8 + PAGE.encode()) == (PAGE, ())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    data = bom + PAGE.encode(encoding)
    assert decode_bytes(data) == (PAGE, ())


def test_windows_1252_is_decoded_with_a_warning() -> None:
    text, warnings = decode_bytes("Caf\u00e9 \u2013 Moscow".encode("cp1252"), name="page.txt")
    assert text == "Caf\u00e9 \u2013 Moscow"
    assert [w.code for w in warnings] == [WarningCode.DECODING]
    assert warnings[0].message == ("page.txt: not valid UTF-8 (first bad byte at 3); decoded as Windows-1252")


def test_undecodable_bytes_become_replacement_characters_with_a_warning() -> None:
    # 0x81 is undefined in Windows-1252 too, so the UTF-8 fallback applies.
    text, warnings = decode_bytes(b"ab\x81cd")
    assert text == "ab\ufffdcd"
    assert "U+FFFD" in warnings[0].message


def test_nul_bytes_are_rejected_naming_the_file() -> None:
    with pytest.raises(BinaryInputError, match=r"^img\.png: not a text page \(NUL byte at offset 3\)$"):
        decode_bytes(b"\x89PN\x00G", name="img.png")


def test_control_heavy_bytes_are_rejected() -> None:
    with pytest.raises(BinaryInputError, match="control bytes"):
        decode_bytes(bytes(range(1, 9)) * 50)


def test_binary_error_is_a_library_error() -> None:
    assert issubclass(BinaryInputError, SinoruError)
    assert issubclass(BinaryInputError, ValueError)


def test_parse_bytes_puts_decoding_warnings_first() -> None:
    article = parse_bytes(PAGE.replace("useful", "caf\u00e9").encode("cp1252"), source="x.txt")
    assert article.warnings[0].code is WarningCode.DECODING
    assert "caf\u00e9" in article.text
    assert article.source == "x.txt"


def test_read_article_crlf_bom_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(codecs.BOM_UTF8 + PAGE.replace("\n", "\r\n").encode())
    article = read_article(path)
    assert article.text == PAGE
    assert article.source == "page.txt"  # the file name: the id does not depend on the folder
    assert article == parse_bytes(PAGE.encode(), source="page.txt")


def test_read_article_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_article(tmp_path / "missing.txt")
