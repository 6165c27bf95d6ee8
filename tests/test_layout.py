"""Each layout cue on short texts written for the test, plus the coverage invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.model import LineKind
from sinoru_corpus.page._layout import classify_lines, line_spans

K = LineKind
PARA = (
    "Moscow and Beijing signed several agreements on energy, transport and trade during the visit, "
    "and officials on both sides praised what they called a new stage of cooperation."
)
PARA2 = (
    "Yet the region remains poor, and investment from China has been slow to arrive in any volume, "
    "which leaves local officials looking for other partners across the wider region."
)


def kinds(text: str) -> dict[str, LineKind]:
    return {text[ln.start : ln.end]: ln.kind for ln in classify_lines(text)}


def page(*header: str, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*header, PARA, PARA2, *tail])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to main content", K.NAVIGATION),
        ("Home > Analysis > Russia", K.NAVIGATION),
        ("Home Example Review Spring Issue", K.NAVIGATION),
        ("Share Tweet Email Print", K.NAVIGATION),
        ("Read more", K.NAVIGATION),
        ("Placeholder canvas", K.FURNITURE),
        ("5 Minute Read", K.FURNITURE),
        ("Email The Author", K.FURNITURE),
        ("Publication: Example Monitor Volume: 3 Issue: 7", K.PUBLICATION),
        ("Image of Anna Petrova", K.IMAGE_CAPTION),
        ("SOURCE", K.IMAGE_CAPTION),
        ("Leaders meet at a summit in 2019. (Photo: Kremlin.Ru)", K.IMAGE_CAPTION),
        ("Photo: Example Agency", K.IMAGE_CAPTION),
        ("Figure 1: Bilateral trade, 2010-2020", K.FIGURE_CAPTION),
        ("Chart: Oil exports by destination", K.FIGURE_CAPTION),
        ("Source: Customs statistics", K.FIGURE_CAPTION),
        ("Tags: Russia, China, Trade", K.TAGS),
        ("Analysis | 3 March 2021", K.DATELINE),
        ("03.03.21 Asia Review", K.DATELINE),
        ("Commentary", K.SECTION),
        ("By Anna Petrova and John Smith", K.BYLINE),
        ("Anna Petrova |Research Fellow, Example Institute", K.BYLINE),
        ("Anna Petrova Spring 2020", K.BYLINE),
    ],
)
def test_header_cues(line: str, kind: LineKind) -> None:
    text = page("A Headline About Moscow and Beijing", line)
    assert kinds(text)[line] is kind


def test_title_is_first_headline_line() -> None:
    text = page("Skip to content", "Why Moscow Looks East")
    assert kinds(text)["Why Moscow Looks East"] is K.TITLE


def test_topic_tag_line_in_header() -> None:
    text = page("Why Moscow Looks East", "China Russia Energy Security Trade")
    assert kinds(text)["China Russia Energy Security Trade"] is K.TAGS


def test_subheadings_stay_in_body() -> None:
    text = "\n\n".join(["A Headline", PARA, "Cooperation instead of rivalry?", PARA2, "Conclusion", PARA])
    k = kinds(text)
    assert k["Cooperation instead of rivalry?"] is K.SUBHEADING
    assert k["Conclusion"] is K.SUBHEADING


def test_opening_heading_before_first_paragraph() -> None:
    text = "\n\n".join(["A Headline", "Introduction", PARA, PARA2])
    assert kinds(text)["Introduction"] is K.SUBHEADING


def test_pull_quote_repeats_a_body_sentence() -> None:
    quote = "Investment from China has been slow to arrive in any volume."
    body = "The region remains poor. " + quote + " Local officials look elsewhere for partners and money."
    text = "\n\n".join(["A Headline", PARA, f"“{quote}”", body, PARA2])
    k = kinds(text)
    assert k[f"“{quote}”"] is K.PULL_QUOTE
    assert k[body] is K.BODY


def test_repeated_paragraph_stays_in_body_once() -> None:
    text = "\n\n".join(["A Headline", PARA, PARA2, PARA])
    got = [ln.kind for ln in classify_lines(text) if text[ln.start : ln.end] == PARA]
    assert got == [K.BODY, K.PULL_QUOTE]


def test_single_sentence_paragraph_is_not_a_pull_quote() -> None:
    line = "Russia’s economy now depends on a single large buyer for most of its exports."
    text = "\n\n".join(["A Headline", PARA, line, PARA2])
    assert kinds(text)[line] is K.BODY


def test_closing_bio_disclaimer_and_tags() -> None:
    bio = "Anna Petrova is a research fellow at the Example Institute for Eurasian Studies (EIES)."
    disc = "The views expressed are those of the author and do not necessarily reflect those of Example."
    text = page("A Headline", tail=(bio, disc, "China Russia Security Economy"))
    k = kinds(text)
    assert k[bio] is K.AUTHOR_BIO
    assert k[disc] is K.DISCLAIMER
    assert k["China Russia Security Economy"] is K.TAGS


def test_page_without_headline_opens_with_standfirst() -> None:
    lead = "Trade between the two neighbours keeps growing. The balance is shifting east."
    text = "\n".join([lead, PARA, PARA2, PARA2.upper()])
    k = kinds(text)
    assert k[lead] is K.STANDFIRST
    assert k[PARA] is K.BODY


def test_lead_paragraph_convention() -> None:
    text = "\n\n".join(["A Headline", PARA, PARA2, PARA])
    layout = classify_lines(text, lead_paragraph=True)
    first = next(ln for ln in layout if text[ln.start : ln.end] == PARA)
    assert first.kind is K.STANDFIRST
    assert [ln.kind for ln in layout if ln.kind is K.BODY] == [K.BODY, K.BODY]


def test_furniture_names_never_bylines() -> None:
    text = page("A Headline", "Commentary", "Home", "Minute Read")
    assert K.BYLINE not in kinds(text).values()


def test_nbsp_only_line_is_blank() -> None:
    text = page("A Headline", tail=("\u00a0",))
    assert kinds(text)["\u00a0"] is K.BLANK


def _check_cover(text: str) -> None:
    layout = classify_lines(text)
    spans = line_spans(text)
    assert [(ln.start, ln.end) for ln in layout] == spans
    assert [ln.number for ln in layout] == list(range(len(text.split("\n"))))
    for ln, line in zip(layout, text.split("\n"), strict=True):
        assert text[ln.start : ln.end] == line
        assert ln.reason


@pytest.mark.parametrize("text", ["", "\n", " \u00a0 ", "\x00\x01\n\x7f", "a\nb\n\nc", PARA * 3])
def test_every_line_once_on_edge_cases(text: str) -> None:
    _check_cover(text)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_every_line_once(text: str) -> None:
    _check_cover(text)


@given(
    st.lists(st.sampled_from(["", "Share", "By Anna Petrova", PARA, "Conclusion", "Tags: X", "8 May 2015"]))
)
def test_deterministic_and_covering(parts: list[str]) -> None:
    text = "\n".join(parts)
    assert classify_lines(text) == classify_lines(text)
    _check_cover(text)


def test_cue_data_is_well_formed() -> None:
    import json
    from importlib import resources

    from sinoru_corpus.page._cues import layout_cues

    raw = json.loads(resources.files("sinoru_corpus").joinpath("data/layout_cues.json").read_text("utf-8"))
    for key, value in raw.items():
        if key.startswith("_") or key == "institution_heads":
            continue
        assert isinstance(value, list), key
        assert len(value) == len(set(value)), f"duplicate entries in {key}"
    cues = layout_cues()  # every institution kind is a valid InstitutionKind
    assert cues.institution_heads
    assert not cues.navigation_lines & cues.section_kinds


@pytest.mark.parametrize(
    "prompt",
    [
        "Click here for part two of this report, with the remaining charts and all the notes.",
        "Continue reading the full interview with the two ministers and their advisers on our partner site.",
    ],
)
def test_a_closing_prompt_above_the_bio_is_not_body(prompt: str) -> None:
    bio = "Ann Lee is a historian at the Example Institute."
    text = page("Moscow and Beijing Sign Energy Deals", tail=("Advertisement", prompt, bio))
    lines = {text[ln.start : ln.end]: ln for ln in classify_lines(text)}
    assert (lines[prompt].kind, lines[prompt].reason) == (K.FURNITURE, "closing credit or prompt line")
    assert lines[bio].kind is K.AUTHOR_BIO
    assert lines[PARA2].kind is K.BODY


def test_a_trademark_notice_under_the_article_is_a_disclaimer() -> None:
    notice = "Example Ledger is a registered trademark of Example Media Ltd."
    text = page("Moscow and Beijing Sign Energy Deals", tail=(notice,))
    lines = {text[ln.start : ln.end]: ln for ln in classify_lines(text)}
    assert lines[notice].kind is K.DISCLAIMER
    assert lines[PARA2].kind is K.BODY
