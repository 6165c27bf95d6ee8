"""The reader and the loader on hostile paths: special files, size caps, loops, unreadable folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sinoru_corpus import load_corpus, read_article
from sinoru_corpus.corpus._loader import collect_files, find_files, source_name
from sinoru_corpus.errors import InputTooLargeError, NotRegularFileError, SinoruError
from sinoru_corpus.text.reader import MAX_BYTES, parse_bytes, read_page_bytes

PAGE = "A headline about ties\n\nBy Jane Doe\n\nMoscow and Beijing met on Monday.\n"
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and modes are POSIX")


@needs_posix
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match="not a regular file \\(a FIFO\\)") as info:
        read_article(fifo)  # would block for ever if it were opened
    assert isinstance(info.value, OSError)
    assert isinstance(info.value, SinoruError)
    assert info.value.filename == str(fifo)


@needs_posix
def test_load_corpus_reports_a_fifo_and_a_device_link_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    os.symlink("/dev/zero", tmp_path / "c.txt")
    corpus = load_corpus(tmp_path)
    assert [a.source for a in corpus] == ["a.txt"]
    assert [(Path(e.path).name, e.reason) for e in corpus.errors] == [
        ("b.txt", "not a regular file (a FIFO)"),
        ("c.txt", "not a regular file (a character device)"),
    ]
    parallel = load_corpus(tmp_path, workers=2)
    assert parallel == corpus


def test_size_cap_of_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(PAGE, encoding="utf-8")
    size = len(PAGE.encode())
    with pytest.raises(InputTooLargeError, match=f"{size} bytes is over the limit of 10 bytes"):
        read_article(path, max_bytes=10)
    assert read_article(path, max_bytes=size).text == PAGE
    assert read_article(path, max_bytes=None).text == PAGE
    assert read_page_bytes(path, max_bytes=size) == PAGE.encode()
    with pytest.raises(InputTooLargeError):
        parse_bytes(b"x" * 11, max_bytes=10)
    assert MAX_BYTES == 10 * 1024 * 1024
    corpus = load_corpus(tmp_path, max_bytes=10)
    assert len(corpus) == 0
    assert [e.reason for e in corpus.errors] == [f"too large ({size} bytes; the limit is 10)"]


def test_a_symlink_loop_is_reported_as_a_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    with pytest.raises(OSError, match=r"(?i)symbolic links") as info:
        load_corpus(loop)
    assert not isinstance(info.value, FileNotFoundError)
    corpus = load_corpus([loop])
    assert len(corpus) == 0
    assert len(corpus.errors) == 1
    assert "symbolic links" in corpus.errors[0].reason.casefold()
    assert "no such file" not in corpus.errors[0].reason.casefold()


def test_a_missing_path_is_still_no_such_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        load_corpus(tmp_path / "absent")


def _tree(root: Path) -> None:
    (root / "sub").mkdir()
    (root / "a.txt").write_text(PAGE, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(PAGE.replace("Monday", "Tuesday"), encoding="utf-8")


def test_an_unreadable_directory_is_an_error_not_silence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # root reads every folder whatever its mode, so the failure is simulated where os.walk lists it
    _tree(tmp_path)
    real = os.scandir
    locked = str(tmp_path / "sub")

    def scandir(path: str) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus(tmp_path)
    assert [a.source for a in corpus] == ["a.txt"]
    assert [(e.path, e.reason) for e in corpus.errors] == [
        (locked, "unreadable directory (Permission denied)")
    ]
    files, errors = collect_files(tmp_path)
    assert files == [(str(tmp_path / "a.txt"), "a.txt")]
    assert len(errors) == 1


@needs_posix
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_directory_for_real(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "sub").chmod(0)
    try:
        corpus = load_corpus(tmp_path)
    finally:
        (tmp_path / "sub").chmod(0o755)
    assert [a.source for a in corpus] == ["a.txt"]
    assert [e.reason.split(" (")[0] for e in corpus.errors] == ["unreadable directory"]


def test_ids_do_not_depend_on_how_the_folder_is_spelt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    _tree(pages)
    monkeypatch.chdir(tmp_path)
    spellings = ["pages", "pages/", "./pages", str(pages), str(pages) + "/", f"{tmp_path}/x/../pages"]
    (tmp_path / "x").mkdir()
    loaded = [load_corpus(spelling) for spelling in spellings]
    ids = [[a.id for a in corpus] for corpus in loaded]
    assert all(i == ids[0] for i in ids)
    assert [a.source for a in loaded[0]] == ["a.txt", "sub/b.txt"]
    # a file given itself is known by its name, however it is reached
    single = {load_corpus(p)[0].id for p in ("pages/a.txt", "./pages/a.txt", str(pages / "a.txt"))}
    assert single == {loaded[0][0].id}
    assert read_article("pages/a.txt").id == loaded[0][0].id
    # the id still depends on the text and on where the page lies in the folder
    assert len({a.id for a in loaded[0]}) == 2


def test_source_name() -> None:
    assert source_name("a/b/c.txt") == "c.txt"
    assert source_name("./c.txt") == "c.txt"
    assert source_name("/x/pages/sub/c.txt", "/x/pages/") == "sub/c.txt"
    assert source_name("/x/pages/sub/c.txt", "/x/pages/../pages") == "sub/c.txt"


def test_find_files_keeps_its_contract(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert find_files(tmp_path) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_nothing_but_documented_exceptions_escape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sinoru_corpus.text.reader as reader_module

    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")

    def exhausted(*_args: object, **_kwargs: object) -> bytes:
        raise MemoryError

    monkeypatch.setattr(reader_module, "read_page_bytes", exhausted)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 0
    assert [e.reason for e in corpus.errors] == ["unreadable (MemoryError)"]


def test_a_nul_in_a_path_is_a_load_error() -> None:
    corpus = load_corpus(["bad\x00name.txt"])
    assert len(corpus) == 0
    assert corpus.errors[0].reason.startswith("unreadable (ValueError: ")


def test_workers_send_json_text_that_rebuilds_the_same_articles(tmp_path: Path) -> None:
    from sinoru_corpus.corpus._loader import _read_chunk, _received, read_one
    from sinoru_corpus.io.serialize import to_json

    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    jobs = [(str(tmp_path / "a.txt"), "a.txt", MAX_BYTES), (str(tmp_path / "b.txt"), "b.txt", MAX_BYTES)]
    sent = _read_chunk(jobs)
    expected = [read_one(*job) for job in jobs]
    assert isinstance(sent[0][0], str)
    assert sent[0][0] == to_json(expected[0][0])
    assert sent[1][0] is None
    assert sent[1][1] == expected[1][1]
    assert [_received(item) for item in sent] == expected


def test_a_result_that_is_not_this_librarys_json_is_still_checked() -> None:
    from sinoru_corpus.corpus._loader import _received
    from sinoru_corpus.errors import SchemaError
    from sinoru_corpus.io.serialize import to_json
    from sinoru_corpus.model import Article

    good = parse_bytes(PAGE.encode(), source="a.txt")
    text = to_json(good)
    assert _received((text, None)) == (good, None)
    with pytest.raises(SchemaError):
        _received((text.replace('"schema_version":1', '"schema_version":"1"'), None))
    assert isinstance(_received((text, None))[0], Article)
