"""JSON and JSONL: round trips, determinism, and precise errors on corrupted documents."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinoru_corpus
from sinoru_corpus.corpus._collection import Corpus
from sinoru_corpus.errors import SchemaError, SkippedLineWarning
from sinoru_corpus.io import strategies as sst
from sinoru_corpus.io.serialize import (
    SCHEMA_VERSION,
    dump_jsonl,
    from_dict,
    from_json,
    load_jsonl,
    to_dict,
    to_json,
)
from sinoru_corpus.model import (
    Article,
    Claim,
    DateBounds,
    Institution,
    InstitutionKind,
    LayoutLine,
    LineKind,
    Mention,
    PartialDate,
    Person,
    Region,
    RegionKind,
    Season,
    Speaker,
    SpeakerKind,
)
from sinoru_corpus.seeds import seed_texts

EVERY_TYPE: dict[str, st.SearchStrategy[Any]] = {
    "Article": sst.articles(),
    "Author": sst.authors(),
    "Citation": sst.citations(),
    "Claim": sst.claims(),
    "DateBounds": sst.date_bounds(),
    "Evidence": sst.evidence(),
    "Frame": sst.frames(),
    "Institution": sst.institutions(),
    "LayoutLine": sst.layout_lines(),
    "Mention": sst.mentions(),
    "ParseWarning": sst.parse_warnings(),
    "PartialDate": sst.partial_dates(),
    "Person": sst.people(),
    "Region": sst.regions(),
    "Series": sst.series(),
    "Speaker": sst.speakers(),
}

TEXT = "Russia and the SCO\n\nPutin said Russia will act."
RUSSIA = Region("Russia", RegionKind.COUNTRY, iso_code="RU")
SCO = Institution("Shanghai Cooperation Organisation", InstitutionKind.IGO, acronym="SCO")
SMALL = Article(
    text=TEXT,
    title="Russia and the SCO",
    body="Putin said Russia will act.",
    layout=[
        LayoutLine(0, 0, 18, LineKind.TITLE),
        LayoutLine(1, 19, 19, LineKind.BLANK),
        LayoutLine(2, 20, 47, LineKind.BODY),
    ],
    published=PartialDate(2016, season=Season.WINTER),
    published_bounds=DateBounds(dt.date(2016, 12, 1), dt.date(2017, 2, 28)),
    regions=[RUSSIA],
    institutions=[SCO],
    mentions=[
        Mention("Russia", 0, 6, RUSSIA),
        Mention("SCO", 15, 18, SCO),
        Mention("Russia", 31, 37, RUSSIA),
    ],
    claims=[
        Claim(
            Speaker("Putin", SpeakerKind.PERSON, Person("Vladimir Putin")),
            "said",
            "Putin said Russia will act.",
            20,
            47,
            cue_start=26,
            cue_end=30,
            regions=[RUSSIA],
        )
    ],
)


def small_doc() -> dict[str, Any]:
    return copy.deepcopy(to_dict(SMALL))


def problems(data: Any, cls: type[Any] | None = None) -> tuple[str, ...]:
    with pytest.raises(SchemaError) as info:
        from_dict(data, cls)
    return info.value.problems


# ------------------------------------------------------------------ the form


def test_small_article_json_form() -> None:
    data = to_dict(SMALL)
    assert list(data)[:3] == ["schema_version", "type", "text"]
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["type"] == "Article"
    assert data["published"] == {"year": 2016, "month": None, "day": None, "season": "winter"}
    assert data["published_bounds"]["earliest"] == "2016-12-01"
    assert data["mentions"][1]["entity"] == {
        "type": "institution",
        "name": "Shanghai Cooperation Organisation",
        "kind": "igo",
        "acronym": "SCO",
        "aliases": [],
        "country": None,
        "curated": True,
    }
    assert data["claims"][0]["speaker"]["entity"]["type"] == "person"
    assert data["regions"][0] == {
        "name": "Russia",
        "kind": "country",
        "aliases": [],
        "parent": None,
        "iso_code": "RU",
        "curated": True,
    }
    assert data["id"] == SMALL.id
    assert from_json(to_json(SMALL)) == SMALL


def test_every_class_names_itself() -> None:
    assert to_json(PartialDate(2016, 6)) == (
        '{"schema_version":1,"type":"PartialDate","year":2016,"month":6,"day":null,"season":null}'
    )
    assert to_dict(RUSSIA)["type"] == "Region"
    assert from_json(to_json(RUSSIA)) == RUSSIA
    assert from_json(to_json(RUSSIA), Region) == RUSSIA


def test_indent_and_non_ascii() -> None:
    region = Region("Москва", RegionKind.CITY, aliases=["莫斯科"])
    text = to_json(region, indent=2)
    assert '"name": "Москва"' in text
    assert text.startswith('{\n  "schema_version": 1,')
    assert from_json(text) == region
    assert from_json(text.encode("utf-8")) == region


def test_unsafe_characters_are_escaped() -> None:
    article = Article(text="a\ud800b\u2028c\u2029")
    text = to_json(article)
    assert "\\ud800" in text
    assert "\\u2028" in text
    assert "\\u2029" in text
    text.encode("utf-8")  # no lone surrogate left: this must not raise
    assert from_json(text) == article


def test_output_is_identical_in_another_process() -> None:
    code = (
        "import sys; sys.path[:0] = [sys.argv[1]]; from test_serialize import SMALL; "
        "from sinoru_corpus.io.serialize import to_json; sys.stdout.write(to_json(SMALL))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent)],
        capture_output=True,
        check=True,
        env=env,
        encoding="utf-8",
    )
    assert out.stdout == to_json(SMALL)


def test_to_dict_rejects_non_model_objects() -> None:
    with pytest.raises(TypeError, match="to_dict expects a sinoru_corpus model object, got dict"):
        to_dict({})
    with pytest.raises(TypeError, match="from_dict cannot build"):
        from_dict({}, dict)


# ------------------------------------------------------------------ properties


@given(sst.articles(max_claims=4))
def test_article_round_trip(article: Article) -> None:
    text = to_json(article)
    assert from_json(text) == article
    assert from_json(text, Article) == article
    assert from_dict(to_dict(article)) == article
    assert to_json(article) == text  # byte-identical across calls
    assert to_json(from_json(text)) == text
    assert json.loads(text) == to_dict(article)


@pytest.mark.parametrize("name", sorted(EVERY_TYPE))
@given(data=st.data())
def test_every_type_round_trips(name: str, data: st.DataObject) -> None:
    obj = data.draw(EVERY_TYPE[name])
    assert type(obj).__name__ == name
    text = to_json(obj)
    assert from_json(text) == obj
    assert to_json(obj) == text
    assert from_json(to_json(obj, indent=1)) == obj


@given(st.lists(sst.articles(max_claims=2, max_mentions=3), max_size=6))
def test_jsonl_round_trip_in_memory(articles: list[Article]) -> None:
    stream = io.StringIO()
    assert dump_jsonl(articles, stream) == len(articles)
    written = stream.getvalue()
    assert written.count("\n") == len(articles)
    assert [json.loads(line)["schema_version"] for line in written.splitlines()] == [1] * len(articles)
    assert list(load_jsonl(io.StringIO(written))) == articles


def test_jsonl_round_trip_file(tmp_path: Path) -> None:
    articles = [SMALL, Article(text="Второй текст\u2028с разделителем"), Article(text="", source="empty.txt")]
    path = tmp_path / "corpus.jsonl"
    assert dump_jsonl(iter(articles), path) == 3
    assert len(path.read_bytes().split(b"\n")) == 4  # three lines and the final newline
    assert list(load_jsonl(path)) == articles
    assert list(load_jsonl(str(path))) == articles
    with path.open(encoding="utf-8") as stream:
        assert list(load_jsonl(stream)) == articles


def test_jsonl_skips_blank_lines_and_a_bom(tmp_path: Path) -> None:
    line = to_json(SMALL)
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line.encode() + b"\n\n   \n" + line.encode() + b"\r\n")
    assert list(load_jsonl(path)) == [SMALL, SMALL]


def test_jsonl_is_lazy_and_names_the_line() -> None:
    bad = json.dumps({**to_dict(SMALL), "title": 7})
    reader = load_jsonl(io.StringIO(to_json(SMALL) + "\n\n" + bad + "\n"))
    assert next(reader) == SMALL  # the bad line is not read yet
    with pytest.raises(SchemaError) as info:
        next(reader)
    assert info.value.problems == ("line 3: $.title: expected a string, got integer",)


def test_jsonl_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(to_json(SMALL).encode() + b"\n" + b'{"text": "\xff"}\n')
    reader = load_jsonl(path)
    assert next(reader) == SMALL
    with pytest.raises(SchemaError, match=r"^line 2: not valid UTF-8 \(invalid start byte at byte 10\)$"):
        next(reader)


def test_dump_jsonl_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="dump_jsonl expects Article objects, got Region"):
        dump_jsonl([RUSSIA], io.StringIO())  # type: ignore[list-item]


# ------------------------------------------------------------------ corruption


def nodes(obj: Any, data: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any], type[Any]]]:
    """Every serialized attrs object inside ``data`` with its path and class."""
    if attrs.has(type(obj)):
        yield path, data, type(obj)
        for field in attrs.fields(type(obj)):
            yield from nodes(getattr(obj, field.name), data[field.name], f"{path}.{field.name}")
    elif isinstance(obj, tuple):
        for index, (item, raw) in enumerate(zip(obj, data, strict=True)):
            yield from nodes(item, raw, f"{path}[{index}]")


def required(data: dict[str, Any], cls: type[Any], path: str) -> list[str]:
    keys = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
    if "type" in data:  # the top-level document or a tagged entity
        keys.append("type")
    if path == "$":
        keys.append("schema_version")
    return keys


def wrong_type(value: Any) -> Any:
    """A value of a JSON type no field holding ``value`` accepts."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return "1"
    if isinstance(value, str):
        return 1
    if isinstance(value, list):
        return {}
    if isinstance(value, dict):
        return []
    return 1.5


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A document with one guaranteed-invalid change, and the path the error must name."""
    obj = draw(st.one_of(sst.articles(max_claims=2, max_mentions=4), *EVERY_TYPE.values()))
    data = to_dict(obj)
    path, node, cls = draw(st.sampled_from(list(nodes(obj, data))))
    how = draw(st.sampled_from(["drop", "wrong type", "extra key", "unknown enum"]))
    keys = required(node, cls, path)
    if how == "drop" and keys:  # DateBounds has no required field
        key = draw(st.sampled_from(keys))
        del node[key]
        return data, f"{path}.{key}: required field missing"
    if how in ("extra key", "drop"):
        node["nmae"] = "x"
        return data, f"{path}.nmae: unknown field"
    enums = [
        key for key, value in node.items() if key in ("kind", "label", "stance", "code", "season", "type")
    ]
    if how == "unknown enum" and enums:
        key = draw(st.sampled_from(enums))
        node[key] = "planet"
        return data, f"{path}.{key}: unknown value 'planet'"
    key = draw(st.sampled_from(sorted(node)))
    node[key] = wrong_type(node[key])
    return data, f"{path}.{key}: "


@given(corrupted())
def test_corrupted_documents_raise_schema_error_naming_the_field(case: tuple[dict[str, Any], str]) -> None:
    data, expected = case
    found = problems(data)
    assert any(p.startswith(expected) for p in found), found
    with pytest.raises(SchemaError):
        from_json(json.dumps(data))


@given(st.data())
def test_truncated_json_raises_schema_error(data: st.DataObject) -> None:
    text = to_json(data.draw(st.one_of(*EVERY_TYPE.values())))
    cut = data.draw(st.integers(0, len(text) - 1))
    with pytest.raises(SchemaError) as info:
        from_json(text[:cut])
    assert info.value.problems[0].startswith("$: invalid JSON: ")


@given(sst.articles(max_claims=1), st.integers(2, 10**6))
def test_newer_schema_version_is_refused(article: Article, version: int) -> None:
    data = to_dict(article)
    data["schema_version"] = version
    assert problems(data) == (
        f"$.schema_version: version {version} is newer than this library reads (1); upgrade sinoru-corpus",
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@given(st.data())
def test_mutated_text_never_leaks_another_exception(data: st.DataObject) -> None:
    text = to_json(data.draw(st.one_of(*EVERY_TYPE.values())))
    position = data.draw(st.integers(0, len(text) - 1))
    insert = data.draw(st.sampled_from(['"', "1", "-", "null", "{}", "[]", ",", "true", "\\u0000", "9" * 30]))
    mutated = text[:position] + insert + text[position + data.draw(st.integers(0, 3)) :]
    try:
        result = from_json(mutated)
    except SchemaError as exc:
        found = exc.problems
    else:  # the change happened to keep the document valid
        found = ()
        assert type(result).__name__ in EVERY_TYPE
    assert all(p.startswith("$") for p in found)


@given(json_values, st.sampled_from(["Article", "Claim", "PartialDate", "Mention", "Speaker"]))
def test_arbitrary_json_values_in_a_document(value: Any, type_name: str) -> None:
    """Whatever sits in a field, the loader answers with a model object or a SchemaError."""
    data = to_dict(SMALL)
    if type_name != "Article":
        data = {"schema_version": 1, "type": type_name, "text": value, "start": value, "entity": value}
    else:
        data["claims"][0]["speaker"] = value
    with pytest.raises(SchemaError):
        from_dict(data)
    with pytest.raises(SchemaError):
        from_dict(value)


# ------------------------------------------------------------------ exact messages


def test_several_problems_are_all_reported() -> None:
    data = small_doc()
    data["published"]["month"] = 13
    data["published"]["season"] = None
    data["title"] = 7
    data["regions"][0]["kind"] = "planet"
    del data["claims"][0]["speaker"]["name"]
    data["claims"][0]["speaker"]["entity"]["nmae"] = "Putin"
    data["mentions"][1]["entity"]["type"] = "city"
    data["layout"][2]["kind"] = True
    assert problems(data) == (
        "$.title: expected a string, got integer",
        "$.layout[2].kind: expected a string, got boolean",
        "$.published.month: 13 is not in 1..12",
        "$.regions[0].kind: unknown value 'planet' (expected one of: continent, macro_region, subregion, "
        "country, subnational, city, sea, island_territory, other)",
        "$.mentions[1].entity.type: unknown value 'city' (expected one of: institution, person, region)",
        "$.claims[0].speaker.name: required field missing",
        "$.claims[0].speaker.entity.nmae: unknown field",
    )


def test_model_invariants_are_reported_on_their_object() -> None:
    data = small_doc()
    data["mentions"][0]["end"] = 7
    data["claims"][0]["cue_end"] = None
    data["published"] = {"year": 2023, "month": 2, "day": 29}
    assert problems(data) == (
        "$.published: day must be in 1..28 for 2023-02, got 29",
        "$.mentions[0]: span 0:7 has length 7, but surface 'Russia' has length 6",
        "$.claims[0]: cue_start and cue_end must both be set or both be None",
    )


def test_field_validators_are_reported_on_their_field() -> None:
    data = small_doc()
    data["mentions"][2]["start"] = -1
    data["authors"] = [{"name": "   "}]
    data["published_bounds"]["latest"] = "2017-02-30"
    data["published_bounds"]["earliest"] = "1 May 2016"
    assert problems(data) == (
        "$.published_bounds.earliest: '1 May 2016' is not a date YYYY-MM-DD",
        "$.published_bounds.latest: '2017-02-30' is not a calendar date",
        "$.authors[0].name: must not be empty or blank, got '   '",
        "$.mentions[2].start: must be >= 0, got -1",
    )


def doc(type_name: str, **fields: Any) -> str:
    return json.dumps({"schema_version": 1, "type": type_name, **fields})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "$: invalid JSON: Expecting value (line 1, column 1)"),
        ("[]", "$: expected an object, got array"),
        ('{"schema_version": 1}', "$.type: required field missing"),
        ('{"type": "Region", "name": "X", "kind": "city"}', "$.schema_version: required field missing"),
        (
            '{"schema_version": true, "type": "Person", "name": "X"}',
            "$.schema_version: expected an integer, got boolean",
        ),
        (
            '{"schema_version": 0, "type": "Person", "name": "X"}',
            "$.schema_version: 0 is not a valid version (expected 1..1)",
        ),
        (
            doc("Planet"),
            "$.type: unknown value 'Planet' (expected one of: Article, Author, Citation, Claim, DateBounds, "
            "Evidence, Frame, Institution, LayoutLine, Mention, ParseWarning, PartialDate, Person, Region, "
            "Series, Speaker)",
        ),
        ('{"schema_version": 1, "name": "X", "name": "Y"}', "$: invalid JSON: duplicate key 'name'"),
        ('{"schema_version": 1, "year": NaN}', "$: invalid JSON: NaN is not valid JSON"),
        ('{"schema_version": 1, "year": -Infinity}', "$: invalid JSON: -Infinity is not valid JSON"),
        (doc("PartialDate", year=2016.0), "$.year: expected an integer, got number"),
        (doc("PartialDate", year="2016"), "$.year: expected an integer, got string"),
        (
            doc("PartialDate", year=2016, season="autumn"),
            "$.season: unknown value 'autumn' (expected one of: spring, summer, fall, winter)",
        ),
        (doc("Person", name="X", aliases="XY"), "$.aliases: expected an array, got string"),
        (doc("Person", name="X", curated=1), "$.curated: expected a boolean, got integer"),
        (doc("Person", name=["X"]), "$.name: expected a string, got array"),
        (
            doc("Mention", surface="X", start=0, end=1, entity={"name": "X"}),
            "$.entity.type: required field missing",
        ),
        (
            doc("Speaker", name="X", kind="group", entity={"type": "region", "name": "X", "kind": "city"}),
            "$.entity.type: unknown value 'region' (expected one of: institution, person)",
        ),
        (doc("Speaker", name="X", kind="group", entity="Putin"), "$.entity: expected an object, got string"),
        (doc("Article", text="x", layout=[None]), "$.layout[0]: expected an object, got null"),
        ("[" * 100_000, "$: invalid JSON: nested too deeply"),
    ],
)
def test_exact_messages(text: str, expected: str) -> None:
    with pytest.raises(SchemaError) as info:
        from_json(text)
    assert info.value.problems[0] == expected
    assert str(info.value).startswith(expected)


def test_declared_class_must_match() -> None:
    assert problems(to_dict(RUSSIA), Person) == ("$.type: expected 'Person', got 'Region'",)


def test_schema_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="required field missing"):
        from_json('{"schema_version": 1, "type": "Region"}')


@pytest.mark.parametrize("name", sorted(seed_texts()))
def test_parsed_seeds_round_trip(name: str) -> None:
    try:
        parse = sinoru_corpus.parse_article
    except (AttributeError, ImportError):
        pytest.skip("sinoru_corpus.parse_article is not available yet")
    article = parse(seed_texts()[name], source=name)
    text = to_json(article)
    assert from_json(text) == article
    assert to_json(from_json(text)) == text


# ------------------------------------------------------------------ integrity: spans and id


def _shifted(doc: dict[str, Any], *keys: str | int) -> dict[str, Any]:
    node: Any = doc
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] += 1
    return doc


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda d: (_shifted(d, "mentions", 0, "start"), _shifted(d, "mentions", 0, "end")),
            "$.mentions[0].surface: 'Russia' does not match the text at 1:7 ('ussia ')",
        ),
        (
            lambda d: d["mentions"][2].update(start=45, end=51),
            "$.mentions[2]: span 45:51 lies outside the text (length 47)",
        ),
        (
            lambda d: d["claims"][0].update(cue_start=25, cue_end=29),
            "$.claims[0].cue: 'said' does not match the text at 25:29 (' sai')",
        ),
        (
            lambda d: d["layout"][2].update(start=21),
            "$.layout[2]: span 21:47 is not line 2 of the text (20:47)",
        ),
        (
            lambda d: d["layout"][1].update(number=7),
            "$.layout[1].number: the text has no line 7 (it has 3)",
        ),
        (lambda d: d.update(id="0123456789abcdef"), "$.id: '0123456789abcdef' does not match the text"),
        (lambda d: d.update(source="elsewhere.txt"), "$.id: "),
    ],
)
def test_spans_and_id_are_checked_against_the_text(edit: Any, expected: str) -> None:
    doc = small_doc()
    edit(doc)
    found = problems(doc)
    assert any(p.startswith(expected) for p in found), found


def test_text_replaced_while_spans_are_kept() -> None:
    doc = small_doc()
    doc["text"] = doc["text"].replace("Russia", "Persia")
    found = problems(doc)
    assert found[0].startswith("$.id: ")
    assert "$.mentions[0].surface: 'Russia' does not match the text at 0:6 ('Persia')" in found
    doc["id"] = sinoru_corpus.article_id(doc["text"], None)  # a fresh id does not hide the spans
    assert not any(p.startswith("$.id") for p in problems(doc))


def test_evidence_offsets_past_the_end() -> None:
    doc = small_doc()
    doc["authors"] = [{"name": "A. Writer", "role": None, "affiliation": None, "evidence": [
        {"start": 40, "end": 90, "reason": "byline"}
    ]}]  # fmt: skip
    doc["warnings"] = [{"code": "no_date", "message": "x", "start": 3, "end": None}]
    doc["published_bounds"]["latest_evidence"] = [{"start": 48, "end": 48, "reason": "x"}]
    assert set(problems(doc)) == {
        "$.authors[0].evidence[0]: span 40:90 lies outside the text (length 47)",
        "$.warnings[0]: start and end must both be set or both be null",
        "$.published_bounds.latest_evidence[0]: span 48:48 lies outside the text (length 47)",
    }


def test_a_partial_layout_of_a_hand_built_article_loads() -> None:
    article = attrs.evolve(SMALL, layout=SMALL.layout[2:])
    assert from_json(to_json(article)) == article


@pytest.mark.parametrize("name", sorted(seed_texts())[:2])
def test_parsed_seeds_pass_the_integrity_check(name: str) -> None:
    article = sinoru_corpus.parse_article(seed_texts()[name], source=name)
    assert from_json(to_json(article)) == article


# ------------------------------------------------------------------ JSONL: skip and report


def _jsonl_with_bad_lines() -> str:
    good = to_json(SMALL)
    bad_span = json.dumps(
        {**to_dict(SMALL), "mentions": [{**to_dict(SMALL)["mentions"][0], "start": 1, "end": 7}]}
    )
    return "\n".join([good, "{not json", good, "", bad_span, good]) + "\n"


def test_load_jsonl_raise_names_the_line() -> None:
    with pytest.raises(SchemaError) as info:
        list(load_jsonl(io.StringIO(_jsonl_with_bad_lines())))
    assert info.value.problems[0].startswith("line 2: $: invalid JSON")


def test_load_jsonl_skip_reports_each_line_as_a_warning() -> None:
    with pytest.warns(SkippedLineWarning) as record:
        articles = list(load_jsonl(io.StringIO(_jsonl_with_bad_lines()), errors="skip"))
    assert articles == [SMALL, SMALL, SMALL]
    skipped = [w.message for w in record if isinstance(w.message, SkippedLineWarning)]
    assert [w.line for w in skipped] == [2, 5]
    assert skipped[0].problems[0].startswith("$: invalid JSON")
    assert skipped[1].problems[0].startswith("$.id: ") or any("mentions[0]" in p for p in skipped[1].problems)
    assert str(skipped[0]).startswith("line 2 skipped: $: invalid JSON")


def test_load_jsonl_rejects_an_unknown_errors_mode() -> None:
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip'"):
        list(load_jsonl(io.StringIO(""), errors="ignore"))  # type: ignore[arg-type]


def test_load_jsonl_skips_undecodable_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    line = to_json(SMALL).encode()
    path.write_bytes(line + b"\n\xff\xfe\n" + line + b"\n")
    with pytest.warns(SkippedLineWarning, match="line 2 skipped: not valid UTF-8"):
        assert list(load_jsonl(path, errors="skip")) == [SMALL, SMALL]
    with pytest.raises(SchemaError, match="line 2: not valid UTF-8"):
        list(load_jsonl(path))


def test_corpus_from_jsonl_keeps_the_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [to_json(attrs.evolve(SMALL, source=f"p{i}.txt", id=sinoru_corpus.article_id(TEXT, f"p{i}.txt")))
             for i in range(1000)]  # fmt: skip
    assert '"surface":"Russia"' in lines[500]
    lines[500] = lines[500].replace('"surface":"Russia"', '"surface":"Persia"', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"^line 501: \$\.mentions\[0\]\.surface: "):
        Corpus.from_jsonl(path)
    corpus = Corpus.from_jsonl(path, errors="skip")
    assert len(corpus) == 999
    assert [(e.path, e.line) for e in corpus.errors] == [(str(path), 501)]
    assert str(corpus.errors[0]).startswith(f"{path}:501: ")
    stream_corpus = Corpus.from_jsonl(io.StringIO("\n".join(lines)), errors="skip")
    assert [(e.path, e.line) for e in stream_corpus.errors] == [("<stream>", 501)]


def test_output_stays_canonical() -> None:
    once = to_json(SMALL)
    assert to_json(from_json(once)) == once
    assert once == to_json(from_json(once.encode()))


def _span_paths(article: Article) -> list[tuple[str, int]]:
    """``(path, index)`` of every span-bearing object with a surface to compare."""
    out = [("mentions", i) for i in range(len(article.mentions))]
    out += [("claims", i) for i in range(len(article.claims))]
    out += [("citations", i) for i in range(len(article.citations))]
    out += [("frames", i) for i in range(len(article.frames))]
    return out


@given(sst.articles(min_claims=1, max_claims=3), st.data())
def test_any_shifted_span_is_refused_on_its_path(article: Article, data: st.DataObject) -> None:
    targets = _span_paths(article)
    field, index = data.draw(st.sampled_from(targets))
    doc = to_dict(article)
    node = doc[field][index]
    shift = data.draw(st.sampled_from([-1, 1, len(article.text) + 1]))
    start, end = node["start"] + shift, node["end"] + shift
    if start < 0 or (
        article.text[start:end] == article.text[node["start"] : node["end"]] and end <= len(article.text)
    ):
        return  # the shifted span reads the same words (or is negative: a field error, tested elsewhere)
    node["start"], node["end"] = start, end
    found = problems(doc)
    assert any(p.startswith(f"$.{field}[{index}]") for p in found), found
