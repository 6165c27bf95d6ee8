"""The public Hypothesis strategies draw valid, internally consistent objects."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
import typing
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from conftest import ROOT
from sinoru_corpus.io import _textgen
from sinoru_corpus.io import strategies as sst
from sinoru_corpus.model import (
    Article,
    Author,
    Citation,
    Claim,
    DateBounds,
    Entity,
    Evidence,
    Frame,
    Institution,
    LayoutLine,
    LineKind,
    Mention,
    ParseWarning,
    PartialDate,
    Person,
    Precision,
    Region,
    Series,
    Speaker,
    SpeakerKind,
    article_id,
)


def check_article(article: Article) -> None:
    text = article.text
    # the layout covers every line once, in order, with exact offsets
    lines = text.split("\n")
    assert [line.number for line in article.layout] == list(range(len(lines)))
    assert [text[line.start : line.end] for line in article.layout] == lines
    for line in article.layout:
        assert (line.kind is LineKind.BLANK) == (not text[line.start : line.end].strip())
    body_lines = article.lines_of(LineKind.BODY)
    assert article.body == "\n\n".join(text[line.start : line.end] for line in body_lines)
    assert article.id == article_id(text, article.source)
    for mention in article.mentions:
        assert text[mention.start : mention.end] == mention.surface
    assert [(m.start, m.end) for m in article.mentions] == sorted(
        {(m.start, m.end) for m in article.mentions}
    )
    for claim in article.claims:
        assert text[claim.start : claim.end] == claim.text
        assert any(line.start <= claim.start and claim.end <= line.end for line in body_lines)
        if claim.cue is not None:
            assert claim.cue_start is not None
            assert claim.cue_end is not None
            assert claim.start <= claim.cue_start <= claim.cue_end <= claim.end
            assert text[claim.cue_start : claim.cue_end] == claim.cue
        for frame in claim.frames:
            assert claim.start <= frame.start <= frame.end <= claim.end
            assert text[frame.start : frame.end] == frame.evidence
        inside = [m.entity for m in article.mentions if claim.start <= m.start and m.end <= claim.end]
        assert set(claim.regions) == {e for e in inside if isinstance(e, Region)}
        assert set(claim.institutions) == {e for e in inside if isinstance(e, Institution)}
    assert [c.start for c in article.claims] == sorted({c.start for c in article.claims})
    for citation in article.citations:
        assert text[citation.start : citation.end] == citation.raw
    for author in article.authors:
        assert [text[e.start : e.end] for e in author.evidence] == [author.name]
    entities = [m.entity for m in article.mentions]
    assert set(article.regions) == {e for e in entities if isinstance(e, Region)}
    assert set(article.people) == {e for e in entities if isinstance(e, Person)}
    assert len(set(article.frames)) == len(article.frames)
    if article.published is not None:
        assert article.published_bounds.earliest == article.published.earliest
        assert article.published_bounds.latest == article.published.latest
        for evidence in article.published_bounds.earliest_evidence:
            assert article.published.year == int(text[evidence.start : evidence.end][-4:])
    if article.title is not None:
        assert [text[line.start : line.end] for line in article.lines_of(LineKind.TITLE)] == [article.title]


@given(sst.articles())
def test_articles_are_consistent(article: Article) -> None:
    check_article(article)


@given(sst.articles(min_claims=3, max_claims=3, max_mentions=0, with_published=True))
def test_article_knobs(article: Article) -> None:
    check_article(article)
    assert len(article.claims) == 3
    assert article.mentions == ()
    assert article.published is not None
    assert article.published_bounds.earliest_evidence


@given(sst.articles(with_published=False, max_claims=0))
def test_article_without_date(article: Article) -> None:
    assert article.published is None
    assert article.claims == ()
    assert "no_date" in [w.code.value for w in article.warnings]


GIVEN_TEXT = "A Title Line\n\nRussia and China met. Beijing said it was fine!\nMoscow agreed.\n"


@given(sst.articles(text=GIVEN_TEXT, min_claims=2))
def test_articles_from_a_given_text(article: Article) -> None:
    check_article(article)
    assert article.text == GIVEN_TEXT
    assert len(article.claims) >= 2
    assert {c.text for c in article.claims} <= {
        "A Title Line",
        "Russia and China met.",
        "Beijing said it was fine!",
        "Moscow agreed.",
    }


@pytest.mark.parametrize("text", ["", "\n\n", "  \n\t"])
@given(data=st.data())
def test_articles_from_texts_without_sentences(text: str, data: st.DataObject) -> None:
    article = data.draw(sst.articles(text=text))
    check_article(article)
    assert article.claims == ()
    assert article.mentions == ()
    assert article.body == ""


def test_article_knobs_are_checked() -> None:
    with pytest.raises(InvalidArgument, match="fewer than min_claims=9"):
        sst.articles(text=GIVEN_TEXT, min_claims=9, max_claims=9)
    with pytest.raises(InvalidArgument, match="min_claims <= max_claims"):
        sst.articles(min_claims=3, max_claims=2)
    with pytest.raises(InvalidArgument, match="min_year <= max_year"):
        sst.partial_dates(min_year=2000, max_year=1999)
    with pytest.raises(InvalidArgument, match="non-blank character"):
        sst.mentions(text="  \n ")


@pytest.mark.parametrize("precision", list(Precision))
@given(data=st.data())
def test_partial_dates_precision(precision: Precision, data: st.DataObject) -> None:
    date = data.draw(sst.partial_dates(min_year=2010, max_year=2012, precision=precision))
    assert date.precision is precision
    assert 2010 <= date.year <= 2012


@given(sst.date_bounds())
def test_date_bounds(bounds: DateBounds) -> None:
    if bounds.earliest is not None and bounds.latest is not None:
        assert bounds.earliest <= bounds.latest
    assert bool(bounds.earliest_evidence) <= (bounds.earliest is not None)


@given(sst.evidence(text="Moscow and Beijing"))
def test_evidence_inside_text(evidence: Evidence) -> None:
    assert 0 <= evidence.start <= evidence.end <= len("Moscow and Beijing")


SENTENCES = "Lavrov said the talks went well. Wang Yi agreed\nNobody objected."


@given(sst.mentions(text=SENTENCES))
def test_mentions_slice_a_given_text(mention: Mention) -> None:
    assert SENTENCES[mention.start : mention.end] == mention.surface
    assert mention.surface == mention.surface.strip()


@given(sst.mentions())
def test_mentions_without_text(mention: Mention) -> None:
    assert mention.surface == mention.entity.name


@given(sst.claims(text=SENTENCES))
def test_claims_are_sentences_of_a_given_text(claim: Claim) -> None:
    assert claim.text in ("Lavrov said the talks went well.", "Wang Yi agreed", "Nobody objected.")
    assert SENTENCES[claim.start : claim.end] == claim.text


@given(sst.claims())
def test_claims_without_text(claim: Claim) -> None:
    if claim.cue is not None:
        assert claim.cue_start is not None
        assert claim.text[claim.cue_start - claim.start : claim.cue_end - claim.start] == claim.cue  # type: ignore[operator]


@given(sst.frames(text=SENTENCES))
def test_frames_slice_a_given_text(frame: Frame) -> None:
    assert SENTENCES[frame.start : frame.end] == frame.evidence


@given(sst.citations(text=SENTENCES))
def test_citations_slice_a_given_text(citation: Citation) -> None:
    assert SENTENCES[citation.start : citation.end] == citation.raw


@given(sst.citations())
def test_citations_without_text(citation: Citation) -> None:
    assert citation.raw.startswith(citation.source.name)
    assert citation.end - citation.start == len(citation.raw)


@given(sst.speakers())
def test_speaker_entity_matches_kind(speaker: Speaker) -> None:
    if speaker.entity is not None:
        assert speaker.name == speaker.entity.name
        expected = Institution if speaker.kind is SpeakerKind.INSTITUTION else Person
        assert isinstance(speaker.entity, expected)
    if speaker.kind is SpeakerKind.GROUP:
        assert speaker.entity is None


@given(sst.entities())
def test_entities(entity: Region | Institution | Person) -> None:
    assert entity.name.strip()


@given(sst.partial_dates())
def test_partial_dates_default_range(date: PartialDate) -> None:
    assert 1900 <= date.year <= 2100


def test_import_without_hypothesis_names_the_extra() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["hypothesis"] = None
        try:
            import sinoru_corpus.io.strategies
        except ImportError as exc:
            print(exc)
        else:
            print("imported")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, encoding="utf-8")
    assert out.stdout.strip() == (
        "sinoru_corpus.strategies needs Hypothesis; install it with: pip install 'sinoru-corpus[strategies]'"
    )


def test_importing_the_package_does_not_import_the_serializer() -> None:
    code = (
        "import sys, sinoru_corpus; "
        "print(sorted(m for m in ('sinoru_corpus.io.serialize', 'sinoru_corpus.io.schema', "
        "'sinoru_corpus.io.strategies', 'cattrs', 'hypothesis') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, encoding="utf-8")
    assert out.stdout.strip() == "[]"


# ------------------------------------------------------------ st.from_type


MODEL_TYPES = (
    PartialDate, Evidence, DateBounds, Region, Institution, Person, Author, Series, Speaker, Frame,
    Citation, Mention, Claim, LayoutLine, ParseWarning, Article,
)  # fmt: skip


def test_from_type_resolves_every_model_type() -> None:
    sst.register_type_strategies()
    for cls in (*MODEL_TYPES, Entity):
        expected = typing.get_args(cls) or cls

        @settings(max_examples=10, database=None)
        @given(value=st.from_type(cls))
        def draws(value: object) -> None:
            assert isinstance(value, expected)  # noqa: B023 (run before the loop moves on)

        draws()


def test_hypothesis_entry_point_registers_the_strategies() -> None:
    """pyproject.toml's hypothesis entry point, run as Hypothesis runs it, makes from_type work.

    The hook runs while ``import hypothesis`` finishes, here in the middle of importing
    ``sinoru_corpus.io.strategies`` (which imports Hypothesis first): it must not need that module.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["entry-points"]["hypothesis"]["sinoru_corpus"]
    code = textwrap.dedent(
        f"""
        import importlib.metadata as md
        real = md.entry_points
        plugin = md.EntryPoint(name="sinoru_corpus", value={target!r}, group="hypothesis")
        md.entry_points = lambda **kw: [plugin] if kw.get("group") == "hypothesis" else real(**kw)

        import sinoru_corpus.io.strategies  # imports hypothesis, which runs the hook mid-import
        from hypothesis import given, settings, strategies as st
        from sinoru_corpus.model import Article, Mention, PartialDate

        @settings(max_examples=5, database=None)
        @given(st.from_type(Article), st.from_type(PartialDate), st.from_type(Mention))
        def check(article, date, mention):
            assert article.text[:0] == "" and date.year >= 1 and mention.surface
        check()
        print("from_type ok")
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=False, env=env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "from_type ok"


@settings(max_examples=5)
@given(sst.articles(min_paragraphs=150, max_paragraphs=300, min_claims=5))
def test_long_articles(article: Article) -> None:
    check_article(article)
    assert len(article.text) > 150 * 30  # typical draws are tens of kilobytes
    assert len(article.lines_of(LineKind.BODY)) >= 150


@settings(max_examples=20)
@given(sst.article_texts(max_paragraphs=4))
def test_article_texts_parse_with_their_invariants(text: str) -> None:
    from sinoru_corpus import parse_article

    article = parse_article(text)
    assert article.text == text
    for mention in article.mentions:
        assert text[mention.start : mention.end] == mention.surface
    for claim in article.claims:
        assert text[claim.start : claim.end] == claim.text


def test_paragraph_knobs_are_checked() -> None:
    with pytest.raises(InvalidArgument):
        sst.articles(min_paragraphs=0).example()
    with pytest.raises(InvalidArgument):
        sst.articles(max_paragraphs=3, text="Some text.").example()
    with pytest.raises(InvalidArgument):
        sst.article_texts(min_paragraphs=5, max_paragraphs=2).example()


@given(_textgen.free_words())
def test_free_words_are_in_the_form_the_parser_keeps(word: str) -> None:
    # a compatibility ideograph (U+F900) or a decomposed accent would change under NFC,
    # and a drawn page would then differ from the text of its Article
    assert unicodedata.is_normalized("NFC", word)
    assert word
    assert not any(ch.isspace() for ch in word)
