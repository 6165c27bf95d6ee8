"""The whole pipeline: invariants on any str, and exact values on written pages and the seeds."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS, SHARED
from sinoru_corpus import (
    Article,
    LineKind,
    PartialDate,
    Season,
    SpeakerKind,
    WarningCode,
    load_seeds,
    parse_article,
    to_json,
)
from sinoru_corpus.errors import InputTooLargeError, SinoruError
from sinoru_corpus.io.serialize import from_json
from sinoru_corpus.parse import MAX_CHARS

PAGE = """Skip to content
Analysis | 14 March 2024

Why the Arctic Will Test the Russia-China Partnership

By Maria Olsen

The melting of sea ice along the Northern Sea Route has made the Arctic a new arena for Beijing and Moscow.

Sergei Lavrov said in February that Russia "will not share sovereignty" (TASS, February 2).

Chinese analysts argue that the partnership remains a marriage of convenience rather than an alliance.

Maria Olsen is a research fellow at the Norwegian Institute of International Affairs (NUPI).
"""

# Page-like text: lines drawn from realistic fragments, so the property tests reach deep stages.
FRAGMENTS = (
    "",
    "Skip to content",
    "Commentary | 8 May 2015",
    "02.06.23 China Review",
    "Fall 2016",
    "By Jane Roe and John Doe",
    "Publication: China Brief Volume: 21 Issue: 20",
    "Image of Jane Roe",
    "SOURCE",
    "Moscow and Beijing signed a deal (TASS, August 24, 2020; Lenta.ru, May 3).",
    "Chinese experts argue that Russia is a junior partner of China in Central Asia.",
    "According to Lavrov, the SCO is “not an alliance.”",
    "He added: “We will see.",
    "Jane Roe is a senior fellow at the Example Institute (EI).",
    "The opinions articulated above represent the views of the author(s).",
    "Introduction",
)
page_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=25).map("\n".join)


def _check_invariants(article: Article) -> None:
    text = article.text
    lines = text.split("\n")
    # every input line classified exactly once, in order, at its own offsets
    assert [line.number for line in article.layout] == list(range(len(lines)))
    offset = 0
    for line, raw in zip(article.layout, lines, strict=True):
        assert (line.start, line.end) == (offset, offset + len(raw))
        offset += len(raw) + 1
    for m in article.mentions:
        assert text[m.start : m.end] == m.surface
    assert [m.start for m in article.mentions] == sorted(m.start for m in article.mentions)
    for a, b in zip(article.mentions, article.mentions[1:], strict=False):
        assert a.end <= b.start
    for c in article.claims:
        assert text[c.start : c.end] == c.text
        if c.cue_start is not None and c.cue_end is not None:
            assert text[c.cue_start : c.cue_end] == c.cue
    for citation in article.citations:
        assert text[citation.start : citation.end] == citation.raw
    for f in article.frames:
        assert text[f.start : f.end] == f.evidence
    for w in article.warnings:
        # neither safety net may have caught anything (under test they re-raise; this is the second lock)
        assert "internal error" not in w.message, w.message
        assert "metadata extraction failed" not in w.message, w.message
    # parse -> JSON -> load: the loader's integrity checks accept every parsed page, unchanged
    dumped = to_json(article)
    assert from_json(dumped) == article
    assert to_json(from_json(dumped)) == dumped


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check_invariants(parse_article(text))


@given(page_like)
def test_never_raises_on_page_like_text(text: str) -> None:
    _check_invariants(parse_article(text))


@given(page_like, st.none() | st.text(max_size=10))
def test_deterministic(text: str, source: str | None) -> None:
    first, second = parse_article(text, source=source), parse_article(text, source=source)
    assert first == second
    assert to_json(first) == to_json(second)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\x00\x01\x02", "\ufeff", "a" * 200_000, "word " * 50_000, "\u0301" * 5000],
)
def test_edge_inputs(text: str) -> None:
    _check_invariants(parse_article(text))


def test_empty_input_says_what_is_missing() -> None:
    codes = {w.code for w in parse_article("").warnings}
    assert WarningCode.NO_TITLE in codes


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="parse_bytes"):
        parse_article(b"bytes")  # type: ignore[arg-type]


def test_written_page() -> None:
    article = parse_article(PAGE, source="written.txt")
    _check_invariants(article)
    assert article.title == "Why the Arctic Will Test the Russia-China Partnership"
    assert article.section == "Analysis"
    assert article.published == PartialDate(2024, 3, 14)
    assert [a.name for a in article.authors] == ["Maria Olsen"]
    assert article.authors[0].role == "research fellow"
    assert article.body.startswith("The melting of sea ice")
    assert article.body.endswith("rather than an alliance.")
    assert "Skip to content" not in article.body
    assert {"Arctic", "Russia", "China", "Beijing", "Moscow"} <= {r.name for r in article.regions}
    assert [(c.source.name, c.date) for c in article.citations] == [("TASS", PartialDate(2024, 2, 2))]
    assert article.published_bounds.earliest == dt.date(2024, 2, 2)
    speakers = {(c.speaker.name, c.speaker.kind) for c in article.claims}
    assert ("Sergei Lavrov", SpeakerKind.PERSON) in speakers
    assert ("Chinese analysts", SpeakerKind.GROUP) in speakers
    assert article.layout[0].kind is LineKind.NAVIGATION  # a skip link
    assert article.id == parse_article(PAGE, source="written.txt").id != parse_article(PAGE).id


def _gold() -> dict[str, dict[str, object]]:
    folder = SHARED / "gold" / "seeds"
    if not folder.is_dir():
        pytest.skip("the gold annotations (../shared/gold) are not beside this checkout")
    return {p.stem + ".txt": json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def test_seeds_load_and_keep_their_invariants() -> None:
    corpus = load_seeds()
    assert [a.source for a in corpus] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for article in corpus:
        _check_invariants(article)


def test_seed_metadata_matches_the_gold() -> None:
    gold = _gold()
    for article in load_seeds():
        g = gold[str(article.source)]
        assert article.title == g["title"], article.source
        assert [a.name for a in article.authors] == [a["name"] for a in g["authors"]]  # type: ignore[index]
        published = g["published"]
        if published is None:
            assert article.published is None
        else:
            assert isinstance(published, dict)
            season = published["season"]
            assert article.published == PartialDate(
                published["year"],
                published["month"],
                published["day"],
                season=Season(season.lower()) if season else None,
            )


def test_seed_003_is_a_season() -> None:
    article = next(a for a in load_seeds() if str(a.source).startswith("003"))
    assert article.published == PartialDate(2016, season=Season.FALL)
    assert article.outlet == "inFOCUS"


def test_an_impossible_cited_date_keeps_the_page_and_the_citation() -> None:
    text = "A Title Here\n\nLavrov said so (TASS, February 30, 2020; Xinhua, May 2, 2021).\n"
    article = parse_article(text)
    _check_invariants(article)
    assert [(c.source.name, c.date) for c in article.citations] == [
        ("TASS", None),
        ("Xinhua", PartialDate(2021, 5, 2)),
    ]


def test_a_page_of_short_paragraphs_has_a_body() -> None:
    # No paragraph is long enough to read as prose: the sentences are still the body.
    text = (
        "Russia and China Deepen Ties\n\nThe two met on Monday in Beijing.\n\nLavrov said ties were strong.\n"
    )
    article = parse_article(text)
    assert article.title == "Russia and China Deepen Ties"
    assert article.standfirst is None
    assert article.body == "The two met on Monday in Beijing.\n\nLavrov said ties were strong."
    assert WarningCode.NO_BODY not in {w.code for w in article.warnings}


def test_entities_are_read_in_breadcrumbs_too() -> None:
    article = parse_article("Home > Analysis > Eurasia Daily Monitor\n\nA Title\n\nMoscow and Beijing met.\n")
    assert "Eurasia Daily Monitor" in {i.name for i in article.institutions}


def _boom(*_args: object, **_kwargs: object) -> object:
    raise RuntimeError("boom")


def test_safety_nets_keep_the_page_for_users(monkeypatch: pytest.MonkeyPatch) -> None:
    import sinoru_corpus.page._metadata as metadata_module
    import sinoru_corpus.parse as parse_module

    monkeypatch.delenv("SINORU_CORPUS_STRICT")
    monkeypatch.setattr(metadata_module, "_extract", _boom)
    article = parse_article("A title\n\nBody text.")
    assert article.body == "A title\n\nBody text."
    assert [w.message for w in article.warnings] == ["metadata extraction failed: RuntimeError"]
    monkeypatch.setattr(parse_module, "_parse", _boom)
    article = parse_article("A title\n\nBody text.")
    assert article.text == "A title\n\nBody text."
    assert [w.message for w in article.warnings] == [
        "internal error, page left unparsed: RuntimeError('boom')"
    ]


def test_safety_nets_reraise_under_test(monkeypatch: pytest.MonkeyPatch) -> None:
    import sinoru_corpus.page._metadata as metadata_module
    import sinoru_corpus.parse as parse_module

    monkeypatch.setattr(metadata_module, "_extract", _boom)
    with pytest.raises(RuntimeError, match="boom"):
        parse_article("A title\n\nBody text.")
    monkeypatch.setattr(parse_module, "_parse", _boom)
    with pytest.raises(RuntimeError, match="boom"):
        parse_article("A title\n\nBody text.")


def test_size_cap() -> None:
    with pytest.raises(InputTooLargeError, match="11 characters is over the limit of 10") as info:
        parse_article("Body text.\n", max_chars=10, source="a.txt")
    assert (info.value.size, info.value.limit, info.value.name) == (11, 10, "a.txt")
    assert parse_article("Body text.", max_chars=10).text == "Body text."
    assert parse_article("x" * 12, max_chars=None).text == "x" * 12
    assert MAX_CHARS == 10 * 1024 * 1024
    assert isinstance(info.value, SinoruError)
