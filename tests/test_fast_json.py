"""The fast JSON path (generated code + msgspec) against the reference (cattrs + stdlib json).

The fast path must write the same bytes, build the same objects, and never accept a
document the reference rejects: for any text, both give equal objects or the same problems.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.errors import SchemaError
from sinoru_corpus.io import strategies as sst
from sinoru_corpus.io._convert import converter
from sinoru_corpus.io.serialize import (
    _dumps,
    _from_dict,
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
