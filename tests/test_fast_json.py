"""The fast JSON path (generated code + msgspec) against the reference (cattrs + stdlib json).

The fast path must write the same bytes, build the same objects, and never accept a
document the reference rejects: for any text, both give equal objects or the same problems.
"""

from __future__ import annotations

import io
import json
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.errors import SchemaError
from sinoru_corpus.io import strategies as sst
from sinoru_corpus.io._convert import converter
from sinoru_corpus.io._mirror import mirror_load
from sinoru_corpus.io.serialize import (
    SCHEMA_VERSION,
    _dumps,
    _encode_utf8,
    _from_dict,
    _from_trusted_json,
    _loads,
    dump_jsonl,
    from_json,
    load_jsonl,
    to_dict,
    to_json,
)
from sinoru_corpus.model import Article, Mention, PartialDate, Region, RegionKind

EVERY = st.one_of(
    sst.articles(max_claims=3, max_mentions=4),
    sst.claims(),
    sst.mentions(),
    sst.partial_dates(),
    sst.speakers(),
)


def reference_dict(obj: Any) -> dict[str, Any]:
    fields = converter().unstructure(obj, type(obj))
    return {"schema_version": 1, "type": type(obj).__name__, **fields}


def reference_load(text: str) -> tuple[str, Any]:
    try:
        return "ok", _from_dict(_loads(text), None)
    except SchemaError as exc:
        return "error", exc.problems


def fast_load(text: str | bytes) -> tuple[str, Any]:
    try:
        return "ok", from_json(text)
    except SchemaError as exc:
        return "error", exc.problems


@given(EVERY)
def test_same_dict_and_same_bytes_as_the_reference(obj: Any) -> None:
    expected = reference_dict(obj)
    assert to_dict(obj) == expected
    assert to_json(obj) == _dumps(expected, None)


@given(EVERY, st.data())
def test_mutated_documents_load_as_the_reference_loads_them(obj: Any, data: st.DataObject) -> None:
    text = to_json(obj)
    position = data.draw(st.integers(0, len(text)))
    insert = data.draw(
        st.sampled_from(['"', "1", "-1", "0.0", "null", "true", "{}", "[]", ",", ":", '"x":1,', "\\u003a"])
    )
    mutated = text[:position] + insert + text[position + data.draw(st.integers(0, 3)) :]
    expected = reference_load(mutated)
    assert fast_load(mutated) == expected
    assert fast_load(mutated.encode("utf-8", "surrogatepass")) == expected


@given(sst.articles(max_claims=2, max_mentions=4))
def test_a_repeated_key_anywhere_is_refused(article: Article) -> None:
    data = to_dict(article)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # repeat the first key of the document, then of the first mention (if any)
    doubled = text.replace('{"schema_version":1,', '{"schema_version":1,"schema_version":1,', 1)
    assert fast_load(doubled) == ("error", ("$: invalid JSON: duplicate key 'schema_version'",))
    if article.mentions:
        first = json.dumps(data["mentions"][0], ensure_ascii=False, separators=(",", ":"))
        again = first.replace('{"surface":', '{"surface":"x","surface":', 1)
        doubled = text.replace(first, again, 1)
        assert fast_load(doubled) == ("error", ("$: invalid JSON: duplicate key 'surface'",))


def test_a_repeated_key_with_an_escaped_colon_is_still_refused() -> None:
    region = Region("Central Asia", RegionKind.MACRO_REGION)
    mention = to_json(Mention("Central Asia", 0, 12, region))
    # the dropped duplicate holds one colon, the kept value one escaped colon: counts would match
    doubled = mention.replace('"surface":', '"surface":"a:b","surface":', 1).replace(
        '"Central Asia","start"', '"Central\\u003aAsia","start"', 1
    )
    assert fast_load(doubled) == ("error", ("$: invalid JSON: duplicate key 'surface'",))


def test_bool_is_not_an_int_and_int_is_not_a_string_on_the_fast_path() -> None:
    good = to_json(PartialDate(2016, month=6))
    assert fast_load(good) == ("ok", PartialDate(2016, month=6))
    assert fast_load(good.replace('"month":6', '"month":true'))[0] == "error"
    assert fast_load(good.replace('"month":6', '"month":6.0'))[0] == "error"
    assert fast_load(good.replace('"year":2016', '"year":"2016"'))[0] == "error"


def test_lone_surrogates_and_line_separators_are_escaped_as_before() -> None:
    article = Article(text="a\ud800b\u2028c\x85d", source="x.txt")
    text = to_json(article)
    assert text == _dumps(reference_dict(article), None)
    for escape in ("\\ud800", "\\u2028", "\\u0085"):
        assert escape in text
    assert from_json(text) == article
    stream = io.StringIO()
    dump_jsonl([article], stream)
    assert list(load_jsonl(io.StringIO(stream.getvalue()))) == [article]


def test_shared_entities_are_encoded_once_and_stay_correct() -> None:
    region = Region("Arctic", RegionKind.MACRO_REGION)
    text = "Arctic and Arctic"
    article = Article(
        text=text, mentions=[Mention("Arctic", 0, 6, region), Mention("Arctic", 11, 17, region)]
    )
    first = to_json(article)
    assert to_json(article) == first == _dumps(reference_dict(article), None)
    loaded = from_json(first)
    assert loaded == article
    # equal entities read back are one object (memory), and still equal to the original
    assert loaded.mentions[0].entity is loaded.mentions[1].entity


@pytest.mark.parametrize("bad", [b"\xff\xfe", b'{"schema_version":1,"type":"Article"\xff}'])
def test_undecodable_bytes_are_a_schema_error(bad: bytes) -> None:
    with pytest.raises(SchemaError):
        from_json(bad)


# ---------------------------------------------------------------- Struct mirrors
#
# Reading goes through msgspec Struct mirrors of the model (io/_mirror.py); the cattrs
# converter stays the reference. These tests hold the two paths to the same results.


@given(sst.articles(max_claims=3, max_mentions=6))
def test_the_mirror_path_builds_what_the_reference_builds(article: Article) -> None:
    text = to_json(article)
    built = mirror_load(text.encode("utf-8", "surrogatepass"), SCHEMA_VERSION)
    reference = _from_dict(_loads(text), Article)
    if "\\u" in text:  # escapes (surrogates, line separators): the colon count may give up
        assert built is None or built[0] == reference
        return
    assert built is not None, "a document this library wrote must take the fast path"
    obj, keys = built
    assert obj == reference == article
    assert keys == text.count(":")  # every key and every colon inside a string, counted


@given(article=sst.articles(max_claims=3, max_mentions=6))
def test_every_writer_gives_the_reference_bytes(tmp_path_factory: Any, article: Article) -> None:
    expected = _dumps(reference_dict(article), None)
    assert to_json(article) == expected
    assert _encode_utf8(article) == expected.encode("utf-8")
    path = tmp_path_factory.mktemp("jsonl") / "one.jsonl"
    dump_jsonl([article, article], path)
    assert path.read_bytes() == (expected + "\n").encode("utf-8") * 2


@given(sst.articles(max_claims=3, max_mentions=6))
def test_documents_this_library_wrote_never_need_the_reference(article: Article) -> None:
    text = to_json(article)
    if "\\u" in text:
        return
    with mock.patch("sinoru_corpus.io.serialize._from_dict", side_effect=AssertionError("reference used")):
        assert from_json(text) == article
        assert from_json(text.encode("utf-8"), Article) == article
        assert list(load_jsonl(io.StringIO(text + "\n"))) == [article]
        assert _from_trusted_json(text, Article) == article


def _mention_document(surface: str, start: int, end: int) -> str:
    region = Region("Arctic", RegionKind.MACRO_REGION)
    article = Article(text="The Arctic", mentions=[Mention("Arctic", 4, 10, region)])
    return to_json(article).replace(
        '"surface":"Arctic","start":4,"end":10',
        f'"surface":{json.dumps(surface)},"start":{start},"end":{end}',
    )


@pytest.mark.parametrize(
    ("surface", "start", "end"),
    [("Arctic", 10, 4), ("Arctic", -4, 10), (" ", 4, 10), ("Arctic", 4, 11), ("Arctix", 4, 10)],
)
def test_values_the_model_refuses_get_the_reference_problems(surface: str, start: int, end: int) -> None:
    # right JSON types everywhere: msgspec accepts the shape, the model's validators and the
    # span checks refuse the values, and the problems are the reference's, word for word
    text = _mention_document(surface, start, end)
    expected = reference_load(text)
    assert expected[0] == "error"
    assert fast_load(text) == expected
    assert fast_load(text.encode("utf-8")) == expected
    with pytest.raises(SchemaError) as caught:
        list(load_jsonl(io.BytesIO(text.encode("utf-8"))))  # type: ignore[arg-type]
    assert caught.value.problems == tuple(f"line 1: {problem}" for problem in expected[1])


def test_a_path_reads_bad_lines_with_the_reference_problems(tmp_path: Any) -> None:
    good = _mention_document("Arctic", 4, 10)
    bad = good.replace('"start":4', '"start":true', 1)
    path = tmp_path / "lines.jsonl"
    path.write_text(good + "\n" + bad + "\n", encoding="utf-8")
    expected = reference_load(bad)
    assert expected[0] == "error"
    with pytest.raises(SchemaError) as caught:
        list(load_jsonl(path))
    assert caught.value.problems == tuple(f"line 2: {problem}" for problem in expected[1])


def test_an_entity_tagged_in_a_mention_and_plain_in_a_list_is_one_object() -> None:
    region = Region("Arctic", RegionKind.MACRO_REGION, aliases=("High North",))
    article = Article(text="The Arctic", regions=[region], mentions=[Mention("Arctic", 4, 10, region)])
    loaded = from_json(to_json(article).encode("utf-8"))
    assert loaded == article
    assert loaded.regions[0] is loaded.mentions[0].entity
