"""The generated JSON Schema: its shape, and that every serialized document validates."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinoru_corpus
from sinoru_corpus.io import strategies as sst
from sinoru_corpus.io.schema import json_schema
from sinoru_corpus.io.serialize import to_dict
from sinoru_corpus.model import Article, Claim, PartialDate, Region
from sinoru_corpus.seeds import seed_texts

STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "Article": sst.articles(max_claims=3),
    "Claim": sst.claims(),
    "Mention": sst.mentions(),
    "Speaker": sst.speakers(),
    "Citation": sst.citations(),
    "PartialDate": sst.partial_dates(),
    "DateBounds": sst.date_bounds(),
    "Author": sst.authors(),
    "LayoutLine": sst.layout_lines(),
    "ParseWarning": sst.parse_warnings(),
}


def validator(cls: type[Any] = Article) -> jsonschema.Draft202012Validator:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


ARTICLE = validator()


def test_article_schema_shape() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"] == {"const": 1}
    assert schema["properties"]["type"] == {"const": "Article"}
    assert schema["required"] == ["schema_version", "type", "text"]
    assert schema["additionalProperties"] is False
    assert sorted(schema["$defs"]) == list(schema["$defs"])
    assert set(schema["$defs"]) == {
        "Author",
        "Citation",
        "Claim",
        "DateBounds",
        "Evidence",
        "Frame",
        "FrameLabel",
        "Institution",
        "InstitutionEntity",
        "InstitutionKind",
        "LayoutLine",
        "LineKind",
        "Mention",
        "ParseWarning",
        "PartialDate",
        "Person",
        "PersonEntity",
        "Region",
        "RegionEntity",
        "RegionKind",
        "Season",
        "Series",
        "Speaker",
        "SpeakerKind",
        "Stance",
        "WarningCode",
    }


def test_defs_details() -> None:
    defs = json_schema()["$defs"]
    assert defs["Season"] == {"type": "string", "enum": ["spring", "summer", "fall", "winter"]}
    assert defs["PartialDate"]["required"] == ["year"]
    assert defs["PartialDate"]["properties"]["month"] == {
        "oneOf": [{"type": "integer"}, {"type": "null"}],
        "minimum": 1,
        "maximum": 12,
    }
    assert defs["Mention"]["required"] == ["surface", "start", "end", "entity"]
    assert defs["Mention"]["properties"]["start"] == {"type": "integer", "minimum": 0}
    assert defs["Mention"]["properties"]["entity"] == {
        "oneOf": [
            {"$ref": "#/$defs/RegionEntity"},
            {"$ref": "#/$defs/InstitutionEntity"},
            {"$ref": "#/$defs/PersonEntity"},
        ]
    }
    assert defs["RegionEntity"]["properties"]["type"] == {"const": "region"}
    assert defs["RegionEntity"]["required"] == ["type", "name", "kind"]
    assert "type" not in defs["Region"]["properties"]
    assert defs["Speaker"]["properties"]["entity"]["oneOf"][-1] == {"type": "null"}
    assert defs["Claim"]["required"] == ["speaker", "cue", "text", "start", "end"]
    assert defs["DateBounds"]["properties"]["earliest"]["oneOf"][0]["format"] == "date"
    assert all(d.get("additionalProperties") is False for d in defs.values() if d.get("type") == "object")


def test_schema_is_deterministic_and_json() -> None:
    assert json.dumps(json_schema()) == json.dumps(json_schema())
    assert json_schema() is not json_schema()  # a fresh dict each time, safe to mutate


@pytest.mark.parametrize("cls", [Region, PartialDate, Claim])
def test_other_top_level_classes(cls: type[Any]) -> None:
    schema = json_schema(cls)
    assert schema["properties"]["type"] == {"const": cls.__name__}
    validator(cls)


def test_rejects_non_model_classes() -> None:
    with pytest.raises(TypeError, match="json_schema expects a sinoru_corpus model class"):
        json_schema(dict)


@given(sst.articles(max_claims=3))
def test_strategy_articles_validate(article: Article) -> None:
    ARTICLE.validate(to_dict(article))


@pytest.mark.parametrize("name", sorted(STRATEGIES))
@given(data=st.data())
def test_strategy_documents_validate(name: str, data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[name])
    validator(type(obj)).validate(to_dict(obj))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema_version=2), "1 was expected"),
        (lambda d: d.update(title=7), "is not valid under any of the given schemas"),
        (lambda d: d.update(extra=1), "Additional properties are not allowed ('extra' was unexpected)"),
        (
            lambda d: d["layout"].append({"number": 0, "start": 0, "end": 0, "kind": "planet"}),
            "is not one of",
        ),
        (
            lambda d: d.update(published={"year": 2016, "month": 13}),
            "is not valid under any of the given schemas",
        ),
        (lambda d: d.pop("text"), "'text' is a required property"),
    ],
)
def test_schema_rejects_broken_documents(change: Callable[[dict[str, Any]], object], message: str) -> None:
    data = to_dict(Article(text="x"))
    change(data)
    with pytest.raises(jsonschema.ValidationError, match=re.escape(message)):
        ARTICLE.validate(data)


def _parse() -> Callable[..., Article]:
    try:
        return sinoru_corpus.parse_article  # type: ignore[no-any-return]
    except (AttributeError, ImportError):
        pytest.skip("sinoru_corpus.parse_article is not available yet")


@pytest.mark.parametrize("name", sorted(seed_texts()))
def test_parsed_seeds_validate(name: str) -> None:
    article = _parse()(seed_texts()[name], source=name)
    ARTICLE.validate(to_dict(article))
