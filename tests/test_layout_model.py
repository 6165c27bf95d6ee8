"""The statistical half of the layout (``page/_line_model.py``, ``data/line_model.json``) and the
page-level rules built on it, on short pages written for these tests."""

from __future__ import annotations

import gc
import json
import math
import statistics
import time
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.model import LineKind
from sinoru_corpus.page._layout import classify_lines
from sinoru_corpus.page._line_model import (
    function_share,
    line_model,
    main_block,
    page_title_parts,
    title_score,
    topic_share,
)
from sinoru_corpus.page._metadata import extract_metadata

K = LineKind

P1 = (
    "The two governments agreed on Tuesday to extend the grain corridor for another year, "
    "and officials in both capitals said that the deal would be reviewed in the spring."
)
P2 = (
    "Farmers in the south of the country had feared that the corridor would close before the "
    "harvest, which would have left them with nowhere to sell a crop that is already in the silos."
)
P3 = (
    "It is not clear how the new terms will be enforced, since the inspection teams that were "
    "promised last year have still not been sent to the ports on the coast."
)
P4 = (
    "For now the traders are relieved, and several of them said that they would resume their "
    "shipments as soon as the insurers agree to cover the route again."
)
MENU = ["Home", "World", "Business", "Markets", "Sport", "Culture", "Travel", "Weather", "Video", "Opinion"]


def _kinds(text: str) -> dict[str, LineKind]:
    return {text[ln.start : ln.end].strip(): ln.kind for ln in classify_lines(text)}


def _page(*lines: str) -> str:
    return "\n".join(lines)


# --- the data file ---------------------------------------------------------------------


def test_line_model_data_is_well_formed() -> None:
    raw = json.loads(resources.files("sinoru_corpus").joinpath("data/line_model.json").read_text("utf-8"))
    for key in ("function_words", "meta_prefixes", "dangling_words", "menu_separators"):
        values = raw[key]
        assert values, key
        assert all(isinstance(v, str) and v == v.casefold() and v.strip() for v in values), key
        assert len(values) == len(set(values)), f"duplicate entries in {key}"
    for group in ("block", "title"):
        numbers = {k: v for k, v in raw[group].items() if not k.startswith("_")}
        assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers.values()), group
        assert "_comment" in raw[group]
    model = line_model()  # every weight the code reads is present, and no other
    assert model.block.gap_growth >= 1
    assert model.title.meta_window >= 1
    assert set(raw["dangling_words"]) <= set(raw["function_words"])


def test_function_share() -> None:
    assert function_share("Home World Business Markets") == 0.0
    assert function_share("") == 0.0
    assert 0.3 < function_share(P1) < 0.7
    assert function_share("It's in the news.") == 0.75


def test_topic_share() -> None:
    vocab = frozenset({"grain", "corridor", "harvest"})
    assert topic_share("Grain corridor extended", vocab) == pytest.approx(2 / 3)
    assert topic_share("Sign up now", vocab) == 0.0
    assert topic_share("", vocab) == 0.0


# --- the main block ---------------------------------------------------------------------


def test_main_block_is_the_maximum_run() -> None:
    assert main_block([]) is None
    assert main_block([-1.0, None, -2.0]) is None
    assert main_block([5.0, -10.0, 3.0, -1.0, 4.0, None, -20.0, 2.0]) == (2, 4)
    assert main_block([None, 7.0, None]) == (1, 1)


def test_closing_heading_ends_the_search_after_a_substantial_run() -> None:
    weights: list[float | None] = [50.0, 60.0, -math.inf, 80.0, 90.0]
    assert main_block(weights, closing_text=100.0) == (0, 1)
    assert main_block(weights) == (3, 4)  # without the rule the larger run wins
    assert main_block([10.0, -math.inf, 80.0], closing_text=100.0) == (2, 2)  # too little before it


@given(st.lists(st.one_of(st.none(), st.floats(-50, 50))))
def test_main_block_bounds(weights: list[float | None]) -> None:
    block = main_block(weights)
    if block is None:
        assert all(w is None or w <= 0 for w in weights)
    else:
        a, b = block
        assert 0 <= a <= b < len(weights)
        assert (weights[a] or 0) > 0
        assert (weights[b] or 0) > 0


def test_page_title_parts() -> None:
    parts = page_title_parts(
        ["Grain deal extended | The Harbour Courier", "Home>News>Ports reopen after the strike"]
    )
    assert "grain deal extended" in parts
    assert "ports reopen after the strike" in parts
    twice = page_title_parts(["Ports reopen after the strike", "x", "Ports reopen after the strike"])
    assert "ports reopen after the strike" in twice


def test_title_score_features() -> None:
    base = {
        "distance": 0,
        "near_meta": False,
        "near_text": False,
        "below_byline": False,
        "under_headline": False,
        "in_menu_run": False,
        "page_titles": frozenset(),
    }
    s = "Grain deal extended for another year"

    def score(line: str = s, **kw: object) -> float:
        return title_score(line, **{**base, **kw})  # type: ignore[arg-type]

    assert score(near_meta=True) > score()
    assert score(distance=3) < score()
    assert score(in_menu_run=True) < score()
    assert score(under_headline=True) < score()
    assert score(page_titles=frozenset({s.casefold()})) > score()
    assert score(topic=1.0) > score()
    assert score("Markets") < score()
    assert score("Content is sponsored by") < score("Content is sponsored daily")
    assert score("WORLD NEWS MARKETS BUSINESS") < score("World news markets business")


# --- page-level rules ---------------------------------------------------------------------


def test_title_is_the_headline_by_the_text_not_the_first_short_line() -> None:
    text = _page(
        "Accessibility links",
        "Skip to content",
        *MENU,
        "Grain corridor extended for another year",
        "By Maria Lind",
        "12 March 2024",
        P1,
        P2,
        P3,
    )
    m = extract_metadata(text)
    assert m.title == "Grain corridor extended for another year"
    assert m.body.startswith(P1[:40])
    k = _kinds(text)
    assert k["Accessibility links"] is not K.TITLE
    assert k["Business"] is K.NAVIGATION


def test_teaser_headlines_above_do_not_win() -> None:
    text = _page(
        "Most popular",
        "Storm closes the northern ferry route",
        "11 March 2024",
        "Museum reopens its maritime wing",
        "10 March 2024",
        *MENU[:4],
        "Grain corridor extended for another year",
        "By Maria Lind",
        "12 March 2024",
        P1,
        P2,
        P3,
    )
    assert extract_metadata(text).title == "Grain corridor extended for another year"


def test_deck_under_the_headline_is_not_the_title() -> None:
    text = _page(
        *MENU[:5],
        "Grain corridor extended for a year",
        "Farmers in the south had feared the route would close before the harvest",
        "By Maria Lind",
        P1,
        P2,
        P3,
    )
    assert extract_metadata(text).title == "Grain corridor extended for a year"


def test_site_notice_and_menu_above_the_text_are_not_body() -> None:
    notice = (
        "This site uses cookies to give you the best experience, and by continuing to use it you "
        "agree to our cookie policy and to the terms that are set out on the page about privacy."
    )
    text = _page(notice, *MENU, "Grain corridor extended", "By Maria Lind", P1, P2, P3)
    m = extract_metadata(text)
    assert _kinds(text)[notice] is K.FURNITURE
    assert m.body.startswith(P1[:40])


def test_prose_teasers_far_above_are_not_the_body() -> None:
    teaser = (
        "A short story about a lighthouse keeper who was left alone on the island for the whole of "
        "a winter, which the readers of this site liked more than any other this month."
    )
    text = _page(teaser, *MENU, *MENU, "Grain corridor extended", "By Maria Lind", P1, P2, P3, P4)
    assert extract_metadata(text).body.startswith(P1[:40])


def test_body_ends_before_comments_and_related_lists() -> None:
    comment = (
        "I have shipped grain on that route for twenty years and I can tell you that nothing will "
        "change until the insurers are back, whatever the ministers say in their statements."
    )
    text = _page(
        "Grain corridor extended",
        "By Maria Lind",
        P1,
        P2,
        P3,
        "Share this:",
        "Facebook",
        "3 Comments",
        "harbourfan",
        comment,
        "Reply",
        comment.replace("twenty", "thirty"),
        comment.replace("twenty", "forty"),
        comment.replace("twenty", "fifty"),
    )
    m = extract_metadata(text)
    assert m.body.endswith(P3[-40:])
    assert _kinds(text)[comment] is K.FURNITURE


def test_inline_read_more_does_not_cut_the_text() -> None:
    text = _page("Grain corridor extended", "By Maria Lind", P1, "Read more", P2, P3, P4)
    assert extract_metadata(text).body.endswith(P4[-40:])


def test_related_list_after_the_text_is_tail() -> None:
    blurb = (
        "The harbour authority says that the new cranes will double the number of containers "
        "that the port can handle, and the work should be finished by the end of the year."
    )
    text = _page(
        "Grain corridor extended",
        "By Maria Lind",
        P1,
        P2,
        P3,
        "More stories",
        "New cranes for the port",
        blurb,
    )
    m = extract_metadata(text)
    assert m.body.endswith(P3[-40:])
    assert _kinds(text)[blurb] is K.FURNITURE


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("▲ Trucks wait at the border crossing on Monday.", K.IMAGE_CAPTION),
        ("In this photo taken on Monday, trucks wait at the border crossing.", K.IMAGE_CAPTION),
        ("Trucks wait at the border crossing. Photo: Harbour Agency", K.IMAGE_CAPTION),
        ("Trucks wait at the border crossing (Jane Roe/Harbour Agency)", K.IMAGE_CAPTION),
        ("(L-R) The two ministers at the signing", K.IMAGE_CAPTION),
        ("This story has been updated to add the minister's comments.", K.FURNITURE),
        ("Jane Roe in Odessa contributed to this report.", K.FURNITURE),
        ("Share on Twitter", K.NAVIGATION),
        ("Share by email", K.NAVIGATION),
        ("Share this with Messenger", K.NAVIGATION),
        ("Full report on the corridor (.pdf)", K.FURNITURE),
        ("We use cookies to improve your experience on our site.", K.FURNITURE),
        ("Video playback is unsupported on your device", K.FURNITURE),
    ],
)
def test_furniture_inside_the_article_has_a_reason(line: str, kind: LineKind) -> None:
    text = _page("Grain corridor extended", "By Maria Lind", P1, line, P2, P3)
    layout = classify_lines(text)
    (found,) = [ln for ln in layout if text[ln.start : ln.end] == line]
    assert found.kind is kind
    assert found.reason
    assert line not in extract_metadata(text).body


def test_code_and_list_items_stay_in_the_text() -> None:
    lines = [
        "Grain corridor extended",
        "By Maria Lind",
        P1,
        "The script that the port uses to count the ships looks like this:",
        'count = len([s for s in ships if s.flag == "UA"]);',
        P2,
        "1. Open the corridor",
        "2. Inspect the ships",
        "3. Insure the route",
        P3,
    ]
    text = _page(*lines)
    m = extract_metadata(text)
    assert m.body.startswith(P1[:40])
    assert m.body.endswith(P3[-40:])
    assert lines[4] in m.body
    assert "2. Inspect the ships" in m.body


def test_site_date_far_above_the_headline_is_not_the_article_date() -> None:
    text = _page(
        "Monday, 1 January 2024",
        *MENU,
        "Grain corridor extended for another year",
        "By Maria Lind",
        "12 March 2024",
        P1,
        P2,
        P3,
    )
    k = _kinds(text)
    assert k["Monday, 1 January 2024"] is K.FURNITURE
    assert k["12 March 2024"] is K.DATELINE


def test_a_lone_separator_line_parses() -> None:
    text = _page("Grain corridor extended", "|", "/", P1, P2)
    m = extract_metadata(text)
    assert not [w for w in m.warnings if "failed" in w.message]
    assert m.title == "Grain corridor extended"


# --- growth (issue 14): classify_lines is linear in the page's length ----------------------


def _cpu(text: str) -> float:
    """Median of 5 samples of CPU time per call; a sample repeats the call for 50 ms at
    least, so a fast call is not lost in the clock's noise."""
    runs = []
    gc.collect()
    gc.disable()  # the collector's pauses depend on the heap, not on this call
    try:
        for _ in range(5):
            runs.append(_sample(text))
    finally:
        gc.enable()
    return statistics.median(runs)


def _sample(text: str) -> float:
    calls = 0
    t = time.process_time()
    while True:
        classify_lines(text)
        calls += 1
        spent = time.process_time() - t
        if spent >= 0.05:
            return spent / calls


@pytest.mark.parametrize(
    "unit",
    [
        "Word.\n\n",
        "By John Smith\n",
        "Alpha Beta Gamma Delta\n",
        "John Smith is a senior fellow at the Example Institute.\n",
        "Home\nWorld\nBusiness\n",
    ],
    ids=["word", "byline", "capitalised", "bio", "menu"],
)
def test_layout_grows_linearly(unit: str) -> None:
    small = unit * (10_000 // len(unit))
    large = unit * (40_000 // len(unit))
    # a quadratic pass gives about 16 every time; a busy machine may give one high
    # reading, so a reading over 6 is taken again (three readings at most)
    ratios = []
    for _ in range(3):
        ratios.append(_cpu(large) / max(_cpu(small), 1e-4))
        if ratios[-1] < 6:
            break
    assert min(ratios) < 6, ratios
