"""Claims: every cue construction and speaker kind, on short texts written for the tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claim_text import claims_in_lines as _claims
from sinoru_corpus.claims._extract import find_claims
from sinoru_corpus.claims._speakers import tokenize
from sinoru_corpus.model import (
    Institution,
    InstitutionKind,
    Mention,
    Person,
    Region,
    RegionKind,
    SpeakerKind,
)


def _rows(text: str, **kw: object) -> list[tuple[str, str, str | None, str, bool]]:
    return [(c.speaker.name, c.speaker.kind.value, c.cue, c.text, c.quoted) for c in _claims(text, **kw)]


S = "person"
G = "group"
INST = "institution"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subject + verb + that
        (
            "Chinese experts argue that Beijing wants stability.",
            [
                (
                    "Chinese experts",
                    G,
                    "argue that",
                    "Chinese experts argue that Beijing wants stability.",
                    False,
                )
            ],
        ),
        # auxiliaries and adverbs inside the verb group
        (
            "Trenin has also suggested that the rift is deep.",
            [
                (
                    "Trenin",
                    S,
                    "has also suggested that",
                    "Trenin has also suggested that the rift is deep.",
                    False,
                )
            ],
        ),
        # sentence-final "experts believe"
        (
            "The alliance is shaky, experts believe.",
            [("experts", G, "believe", "The alliance is shaky, experts believe.", False)],
        ),
        # inverted "…, suggests an expert from X"
        (
            "Ties are thin, suggests an expert from the Valdai Club.",
            [
                (
                    "an expert from the Valdai Club",
                    S,
                    "suggests",
                    "Ties are thin, suggests an expert from the Valdai Club.",
                    False,
                )
            ],
        ),
        # "According to X, …" with a direct quotation
        (
            "According to the Kremlin, “talks were warm.”",
            [("the Kremlin", INST, "According to", "According to the Kremlin, “talks were warm.”", True)],
        ),
        # quotation followed by its speaker
        (
            "“We are partners,” said Lavrov.",
            [("Lavrov", S, "said", "“We are partners,” said Lavrov.", True)],
        ),
        # "In X's words"
        (
            "In Gabuev’s words, Moscow depends on Beijing.",
            [("Gabuev", S, "In Gabuev’s words", "In Gabuev’s words, Moscow depends on Beijing.", False)],
        ),
        # "X's reference to"
        (
            "Putin’s reference to “eternal friendship” rang hollow.",
            [
                (
                    "Putin",
                    S,
                    "Putin’s reference to",
                    "Putin’s reference to “eternal friendship” rang hollow.",
                    True,
                )
            ],
        ),
        # "X, writing for Y, argues"
        (
            "Alexander Gabuev, writing for the Carnegie Endowment, argues that ties are lopsided.",
            [
                (
                    "Alexander Gabuev",
                    S,
                    "argues that",
                    "Alexander Gabuev, writing for the Carnegie Endowment, argues that ties are lopsided.",
                    False,
                )
            ],
        ),
        # "For many analysts in China, …"
        (
            "For many analysts in China, the war was a shock.",
            [("many analysts in China", G, "For", "For many analysts in China, the war was a shock.", False)],
        ),
        # "as X has noted"
        (
            "The region is slipping away, as Bobo Lo has noted.",
            [("Bobo Lo", S, "has noted", "The region is slipping away, as Bobo Lo has noted.", False)],
        ),
        # "from X's perspective"
        (
            "What matters from the Kremlin’s perspective is status.",
            [
                (
                    "the Kremlin",
                    INST,
                    "from the Kremlin’s perspective",
                    "What matters from the Kremlin’s perspective is status.",
                    False,
                )
            ],
        ),
        # a state's stated position
        (
            "Moscow deems the region its sphere of influence.",
            [("Moscow", INST, "deems", "Moscow deems the region its sphere of influence.", False)],
        ),
        # catenative: seeks to portray
        (
            "Beijing seeks to portray the deal as a success.",
            [("Beijing", INST, "seeks to portray", "Beijing seeks to portray the deal as a success.", False)],
        ),
        # see … as
        (
            "Washington sees the partnership as a threat.",
            [
                (
                    "Washington",
                    INST,
                    "sees the partnership as",
                    "Washington sees the partnership as a threat.",
                    False,
                )
            ],
        ),
        # causative: leading experts to believe
        (
            "China built bases, leading experts to believe that Russia will lose.",
            [
                (
                    "experts",
                    G,
                    "leading experts to believe that",
                    "China built bases, leading experts to believe that Russia will lose.",
                    False,
                )
            ],
        ),
        # "expressed doubts about"
        (
            "Henry Kissinger, the veteran diplomat, has expressed doubts about the alliance.",
            [
                (
                    "Henry Kissinger",
                    S,
                    "has expressed doubts",
                    "Henry Kissinger, the veteran diplomat, has expressed doubts about the alliance.",
                    False,
                )
            ],
        ),
        # passive with an "In Moscow," frame: the policy community
        (
            "In Moscow, the pact is seen as a turning point.",
            [("Moscow", G, "seen as", "In Moscow, the pact is seen as a turning point.", False)],
        ),
        # "of concern for X"
        (
            "Submarines are of lesser concern for Russian experts than missiles.",
            [
                (
                    "Russian experts",
                    G,
                    "of lesser concern for",
                    "Submarines are of lesser concern for Russian experts than missiles.",
                    False,
                )
            ],
        ),
        # two speakers in one sentence: one claim each
        (
            "Russia calls for talks, but Washington insists that sanctions stay.",
            [
                (
                    "Russia",
                    INST,
                    "calls for",
                    "Russia calls for talks, but Washington insists that sanctions stay.",
                    False,
                ),
                (
                    "Washington",
                    INST,
                    "insists that",
                    "Russia calls for talks, but Washington insists that sanctions stay.",
                    False,
                ),
            ],
        ),
        # coordinated states: a group
        (
            "Russia and China have been quick to describe the order as unfair.",
            [
                (
                    "Russia and China",
                    G,
                    "have been quick to describe the order as",
                    "Russia and China have been quick to describe the order as unfair.",
                    False,
                )
            ],
        ),
        # shared belief of two states
        (
            "There is a shared Sino-Russian belief that the West is declining.",
            [
                (
                    "China and Russia",
                    G,
                    "belief that",
                    "There is a shared Sino-Russian belief that the West is declining.",
                    False,
                )
            ],
        ),
        # relative clause subject
        (
            "It angered scholars who note a gap between the two visions.",
            [("scholars", G, "note", "It angered scholars who note a gap between the two visions.", False)],
        ),
        # "what X calls": the term is attributed verbatim
        (
            "Russia moved toward what Dmitri Trenin calls ‘Greater Asia’.",
            [
                (
                    "Dmitri Trenin",
                    S,
                    "calls",
                    "Russia moved toward what Dmitri Trenin calls ‘Greater Asia’.",
                    True,
                )
            ],
        ),
    ],
)
def test_constructions(text: str, expected: list[tuple[str, str, str | None, str, bool]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is predicted that trade will grow.",
        "Bilateral trade is expected to hit new records.",
        "Moscow has bowed to Beijing’s refusal to join.",
        "The test surprised many Western experts.",
        "China sidestepped the issue.",
        "These developments suggest that Moscow is losing ground.",
        "It is difficult to say how far the concessions go.",
        "Analysts will wait to see a clearer picture.",
        "The claim that ties are strong is common.",
        "Russia’s support for China is limited.",
        "The Valdai think tank hosted the meeting.",
        "For Russia, the key theatre is Europe.",
    ],
)
def test_not_claims(text: str) -> None:
    assert _rows(text) == []


def test_author_voice_is_detected_but_not_returned_by_default() -> None:
    text = "This paper argues that the partnership has peaked."
    assert _rows(text) == []
    rows = _rows(text, author_voice=True)
    assert rows == [("This paper", "author", "argues that", text, False)]


def test_byline_author_is_author_voice() -> None:
    assert _rows("Blank argues that Russia is a junior partner.", authors=("Blank",)) == []


def test_pronoun_resolves_to_last_person_speaker() -> None:
    text = "Shoigu stated that ties are vital. He added, “We believe in security.”"
    assert _rows(text) == [
        ("Shoigu", S, "stated that", "Shoigu stated that ties are vital.", False),
        ("Shoigu", S, "added", "He added, “We believe in security.”", True),
    ]


def test_they_resolves_to_the_last_group() -> None:
    text = "Ties are thin, experts believe. To test them, they suggest looking at Africa."
    assert [(c.speaker.name, c.cue) for c in _claims(text)] == [
        ("experts", "believe"),
        ("experts", "suggest"),
    ]


def test_block_quote_after_colon() -> None:
    text = (
        "Foreign Minister Sergei Lavrov said:\n"
        "Our partnership with China is comprehensive and growing every single year. But there is more. "
        "We can now speak about a technology alliance between the two countries.\n"
        "That is telling."
    )
    rows = _rows(text)
    assert rows == [
        (
            "Sergei Lavrov",
            S,
            "said",
            "Our partnership with China is comprehensive and growing every single year.",
            True,
        ),
        (
            "Sergei Lavrov",
            S,
            "said",
            "We can now speak about a technology alliance between the two countries.",
            True,
        ),
    ]
    first = _claims(text)[0]
    assert (first.cue_start, first.cue_end) == (text.index("said"), text.index("said") + 4)


def test_quote_continuation_has_no_cue() -> None:
    text = "Shoigu argued that, “Security is vital. It is our common goal.” Then talks ended."
    rows = _rows(text)
    assert rows == [
        ("Shoigu", S, "argued that", "Shoigu argued that, “Security is vital.", True),
        ("Shoigu", S, None, "It is our common goal.”", True),
    ]


def test_unbalanced_quotes_do_not_break_extraction() -> None:
    # a stray mark inside a sentence stays local: the next sentences are prose again
    text = "He wrote “nothing. Experts argue that Russia is weaker. Officials say it is not."
    names = [c.speaker.name for c in _claims(text)]
    assert names == ["Experts", "Officials"]
    # a quotation opening a sentence and left open runs on (it continues in the next paragraph)
    text = "Novak said the talks went well. “Experts argue that Russia is weaker. Officials say no."
    names = [c.speaker.name for c in _claims(text)]
    assert "Experts" not in names
    assert "Officials" not in names
    text2 = "Experts argue that Russia is weaker” and more. Officials say it is not."
    assert [c.speaker.name for c in _claims(text2)] == ["Experts", "Officials"]


def test_mentions_link_speakers_and_fill_entities() -> None:
    text = "Wang said that NATO should stay in Europe."
    wang = Person("Wang Yi", role="Foreign Minister", country="China")
    nato = Institution("North Atlantic Treaty Organization", InstitutionKind.IGO, acronym="NATO")
    europe = Region("Europe", RegionKind.CONTINENT)
    mentions = (
        Mention("Wang", 0, 4, wang),
        Mention("NATO", 15, 19, nato),
        Mention("Europe", 35, 41, europe),
    )
    (claim,) = _claims(text, mentions=mentions)
    assert claim.speaker.name == "Wang Yi"
    assert claim.speaker.entity == wang
    assert claim.speaker.kind is SpeakerKind.PERSON
    assert claim.institutions == (nato,)
    assert claim.regions == (europe,)


def test_surname_resolves_to_full_name_in_the_article() -> None:
    text = "Dmitri Trenin spoke in Moscow. Later, Trenin argued that the rift is deep."
    claims = _claims(text)
    assert [(c.speaker.name, c.cue) for c in claims] == [("Dmitri Trenin", "argued that")]


def test_group_country_and_institution_kind() -> None:
    (c1,) = _claims("Chinese officials insist that trade is fair.")
    assert (c1.speaker.kind, c1.speaker.country) == (SpeakerKind.GROUP, "China")
    (c2,) = _claims("The Kremlin denied that talks failed.")
    assert (c2.speaker.name, c2.speaker.kind) == ("The Kremlin", SpeakerKind.INSTITUTION)


def test_claim_frames_are_filled() -> None:
    (claim,) = _claims("Experts argue that Russia has become China’s junior partner.")
    assert [f.label.value for f in claim.frames] == ["asymmetric_junior_partner"]


_ALPHABET = st.sampled_from(
    [*list("abc XYZ.,;:“”\"‘’'()[]…—-\n"), "argue", "said", "According to", "He", "experts"]
)


@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_never_raises_inside_spans_and_deterministic(text: str) -> None:
    spans = [(0, len(text))]
    claims = find_claims(text, spans)
    assert claims == find_claims(text, spans)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        if c.cue_start is not None and c.cue_end is not None:
            assert text[c.cue_start : c.cue_end] == c.cue


@given(st.text(max_size=200), st.lists(st.tuples(st.integers(-3, 210), st.integers(-3, 210)), max_size=3))
def test_any_text_and_spans(text: str, spans: list[tuple[int, int]]) -> None:
    for c in find_claims(text, spans):
        assert text[c.start : c.end] == c.text
        assert any(max(0, s) <= c.start and c.end <= min(e, len(text)) for s, e in spans)


def test_cue_lexicon_is_well_formed() -> None:
    import json
    from importlib import resources

    from sinoru_corpus.claims._lexicon import claim_lexicon, inflect

    raw = json.loads(resources.files("sinoru_corpus").joinpath("data/cues.json").read_text(encoding="utf-8"))
    for pattern, spec in raw["verbs"].items():
        assert pattern == pattern.strip(), pattern
        assert "  " not in pattern, pattern
        assert set(spec) <= {"forms", "needs", "gap", "open", "subjects", "quote", "not_objects"}, pattern
        assert all(w == w.casefold() and " " not in w for w in spec.get("not_objects", ())), pattern
        assert spec.get("subjects", "document") == "document", pattern
    holders = raw["holders"]
    kinds = [set(holders[k]) for k in ("person", "institution", "narrative", "document")]
    for i, a in enumerate(kinds):
        for b in kinds[i + 1 :]:
            assert not a & b, a & b
    assert set(holders["pronouns"].values()) <= {"person", "group", "institution", "author"}
    for key in ("adverbs", "auxiliaries", "catenatives", "causatives", "effort_nouns"):
        assert len(raw[key]) == len(set(raw[key])), key
    names = raw["names"]
    assert all(isinstance(v, str) for v in names["states"].values())
    assert set(names["gendered_titles"]) == {"he", "she"}
    assert not set(names["gendered_titles"]["he"]) & set(names["gendered_titles"]["she"])
    given = names["given_names"]
    assert set(given) == {"he", "she"}
    assert not set(given["he"]) & set(given["she"])
    assert all(n[:1].isupper() and n.isalpha() for n in [*given["he"], *given["she"]])
    lex = claim_lexicon()
    assert "argued" in lex.verbs
    assert "said" in lex.verbs
    assert "sought to" not in lex.verbs
    assert {"admits", "admitted", "admitting"} <= inflect("admit")
    assert lex.trigger.fullmatch("Characterizes")


def test_seeds_through_parse_article() -> None:
    from sinoru_corpus import load_seeds

    articles = {a.source or "": a for a in load_seeds()}
    claims = [c for a in articles.values() for c in a.claims]
    assert len(claims) > 80
    for a in articles.values():
        for c in a.claims:
            assert a.text[c.start : c.end] == c.text
    kissinger = [c for c in claims if c.speaker.name == "Henry Kissinger"]
    assert [c.cue for c in kissinger] == ["has expressed doubts"]
    block = [c for c in claims if c.cue == "said" and c.speaker.name == "Sergei Lavrov"]
    assert [c.text[:30] for c in block] == [
        "I can’t fail to mention Russia",
        "Important bilateral decisions ",
        "We can now even talk about the",
    ]
    assert all(c.quoted for c in block)


# The plain (backtracking) definition of a token; tokenize must give exactly these tokens.
_PLAIN_TOKEN = re.compile(
    r"''|``|(?:[^\W_]+(?:[’'\-–.:&/][^\W_]+)*\.[^\W_]|[A-Z])\.(?![^\W_])|[^\W_]+(?:[’'\-–.:&/][^\W_]+)*|[^\w\s]"
)


def _plain_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The plain definition: regex tokens, then two merges (plural possessives, hyphen dashes)."""
    out: list[tuple[int, int, str]] = []
    open_single = False
    for m in _PLAIN_TOKEN.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m.group()
        prev = out[-1] if out else None
        glued = prev is not None and prev[1] == s
        if (
            w in ("’", "'")
            and not open_single
            and glued
            and prev is not None
            and prev[2][-1:] in ("s", "S")
            and prev[2][:1].isalpha()
            and e < end
            and text[e].isspace()
        ):
            out[-1] = (prev[0], e, prev[2] + w)  # "teachers’": a plural possessive
            continue
        if w == "-" and glued and prev is not None and prev[2] == "–":
            out[-1] = (prev[0], e, "–")  # "--" or "–-": one dash
            continue
        spaced_before = (prev[1] if prev is not None else start) < s
        if w == "-" and spaced_before and (e >= end or text[e].isspace() or text[e] == "-"):
            w = "–"  # a spaced hyphen is a dash
        if w == "‘" or (w == "'" and (prev is None or prev[1] < s) and e < end and text[e].isalnum()):
            open_single = True
        elif w in ("’", "'"):
            open_single = False
        out.append((s, e, w))
    return out


def test_tokenize_keeps_abbreviations_and_initials() -> None:
    text = "The U.S. view, per Pavel K. Baev (Ph.D.), isn’t new_ly."
    words = [t[2] for t in tokenize(text, 0, len(text))]
    assert words == [
        "The",
        "U.S.",
        "view",
        ",",
        "per",
        "Pavel",
        "K.",
        "Baev",
        "(",
        "Ph.D.",
        ")",
        ",",
        "isn’t",
        "new",
        "ly",
        ".",
    ]


@given(st.text(alphabet="aZKs._-’‘'/:&– \n1é_,“(`", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_tokenize_matches_the_plain_definition(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert tokenize(text, start, end) == _plain_tokens(text, start, end)


# Outlet styles the seeds do not cover: news agencies, think-tank digests, reported speech.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The two countries will expand cooperation in energy and finance, the Russian "
            "Foreign Ministry said in a statement.",
            [("the Russian Foreign Ministry", "institution", "said", False)],
        ),
        (
            "Relations between Moscow and Beijing are at their best level in history, "
            "according to a Kremlin readout of the call.",
            [("a Kremlin readout", "institution", "according to", False)],
        ),
        (
            "Kremlin spokesman Dmitry Peskov told reporters that the talks had been "
            "constructive and friendly.",
            [("Dmitry Peskov", "person", "told reporters that", False)],
        ),
        (
            "Beijing has repeatedly insisted that its partnership with Moscow is not "
            "directed against any third country.",
            [("Beijing", "institution", "has repeatedly insisted that", False)],
        ),
        ("“Our relations are not aimed against anyone,” Lavrov said.", [("Lavrov", "person", "said", True)]),
        (
            "“The partnership has no limits,” said Maria Zakharova, the ministry spokeswoman.",
            [("Maria Zakharova", "person", "said", True)],
        ),
        (
            "“We do not form blocs,” Wang Yi said at a press conference, “and we never will.”",
            [("Wang Yi", "person", "said", True)],
        ),
        (
            "Putin declared: “Russia and China stand shoulder to shoulder.”",
            [("Putin", "person", "declared", True)],
        ),
        (
            "The Chinese side stressed that the Taiwan question is purely an internal affair.",
            [("The Chinese side", "institution", "stressed that", False)],
        ),
        (
            "Moscow, for its part, denies that it has become dependent on Beijing.",
            [("Moscow", "institution", "denies that", False)],
        ),
        (
            "Putin and Xi reaffirmed their commitment to a multipolar world order.",
            [("Putin and Xi", "group", "reaffirmed", False)],
        ),
        (
            "Kazakh officials, speaking on condition of anonymity, said they worry about Chinese debt.",
            [("Kazakh officials", "group", "said", False)],
        ),
        (
            "Russia’s ambassador to China, Igor Morgulov, wrote in an op-ed that the two "
            "countries share a common vision.",
            [("Igor Morgulov", "person", "wrote", False)],
        ),
        (
            "Scholars at CICIR contend that Russia remains an indispensable strategic partner for China.",
            [("Scholars at CICIR", "group", "contend that", False)],
        ),
        (
            "A number of Russian commentators have warned that Moscow risks becoming "
            "dependent on Chinese markets.",
            [("A number of Russian commentators", "group", "have warned that", False)],
        ),
        (
            "In an interview with Kommersant, Sergei Karaganov argued that Russia must turn "
            "decisively to the East.",
            [("Sergei Karaganov", "person", "argued that", False)],
        ),
        (
            "As Fyodor Lukyanov put it, Russia and China are neither allies nor rivals.",
            [("Fyodor Lukyanov", "person", "put it", False)],
        ),
        (
            "Chinese officials have described the relationship as the best in history.",
            [("Chinese officials", "group", "have described the relationship as", False)],
        ),
        (
            "Xi reportedly told Putin that China would stand by Russia.",
            [("Xi", "person", "reportedly told Putin that", False)],
        ),
        (
            "Russian state media portrayed the visit as a triumph of Russian diplomacy.",
            [("Russian state media", "group", "portrayed", False)],
        ),
        (
            "Washington views Moscow as the junior partner in the relationship.",
            [("Washington", "institution", "views Moscow as", False)],
        ),
        (
            "Many in Beijing see Russia as a declining power with a large nuclear arsenal.",
            [("Many in Beijing", "group", "see Russia as", False)],
        ),
        (
            "Critics charge that the partnership serves only the interests of the two regimes.",
            [("Critics", "group", "charge that", False)],
        ),
        (
            "Officials in Astana fear that Central Asia will become an arena of great-power competition.",
            [("Officials in Astana", "group", "fear that", False)],
        ),
        (
            "Dmitri Trenin has long maintained that Russia cannot afford to antagonize China.",
            [("Dmitri Trenin", "person", "has long maintained that", False)],
        ),
        (
            "Chinese analysts tend to view Russia as a useful but unpredictable partner.",
            [("Chinese analysts", "group", "tend to view Russia as", False)],
        ),
        (
            "The Kremlin has framed the agreement as proof that Western isolation has failed.",
            [("The Kremlin", "institution", "has framed the agreement as", False)],
        ),
        (
            "Russian diplomats privately acknowledge that the relationship is unequal.",
            [("Russian diplomats", "group", "privately acknowledge that", False)],
        ),
        (
            "Some Western observers suspect that Beijing is quietly hedging its bets.",
            [("Some Western observers", "group", "suspect that", False)],
        ),
        (
            "In Beijing’s view, Russia is a strategic rear rather than an ally.",
            [("Beijing", "institution", "In Beijing’s view", False)],
        ),
        (
            "The report concludes that Russia is becoming China’s junior partner.",
            [("The report", "institution", "concludes that", False)],
        ),
        (
            "Alexander Gabuev has cautioned against reading too much into the summit.",
            [("Alexander Gabuev", "person", "has cautioned against", False)],
        ),
        (
            "Beijing regards Moscow as a partner it cannot afford to lose.",
            [("Beijing", "institution", "regards Moscow as", False)],
        ),
        (
            "Lavrov said the West was trying to drive a wedge between Moscow and Beijing. He "
            "added that these attempts would fail.",
            [("Lavrov", "person", "said", False), ("Lavrov", "person", "added that", False)],
        ),
        (
            "“China is our closest partner,” Putin said. “We will keep building this "
            "relationship for decades.”",
            [("Putin", "person", "said", True), ("Putin", "person", None, True)],
        ),
        (
            "Does Beijing really see Moscow as an equal? Many Russian sinologists doubt it.",
            [("Many Russian sinologists", "group", "doubt it", False)],
        ),
        (
            "“There is no alliance,” the Chinese ambassador insisted, “only a partnership.”",
            [("the Chinese ambassador", "person", "insisted", True)],
        ),
        (
            "Speaking in Vladivostok, Putin said that the turn to the East was irreversible.",
            [("Putin", "person", "said that", False)],
        ),
        (
            "European diplomats believe that China will not supply lethal weapons to Russia.",
            [("European diplomats", "group", "believe that", False)],
        ),
        (
            "The Russian Foreign Ministry called the accusations “absurd”.",
            [("The Russian Foreign Ministry", "institution", "called the accusations", True)],
        ),
    ],
)
def test_outlet_styles(text: str, expected: list[tuple[str, str, str | None, bool]]) -> None:
    got = [(c.speaker.name, c.speaker.kind.value, c.cue, c.quoted) for c in _claims(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is widely believed that the partnership will deepen further.",
        "Bilateral trade is expected to exceed 250 billion dollars this year.",
        "I argue that the relationship is more fragile than it appears.",
        "This article argues that the partnership has reached its limits.",
        "Moscow signed a deal to supply gas to China for thirty years.",
        "Beijing bought record volumes of Russian oil in the spring.",
        "The sanctions came as a shock to many Russian businessmen.",
        "The claim that China is arming Russia has not been proven.",
        "Russia is now, so to say, the junior partner.",
        "The so-called alliance of autocracies has few common institutions.",
        "The slogan “friendship without limits” appeared on banners across Moscow.",
        "Needless to say, the two leaders met again in the autumn.",
        "Putin arrived in Beijing on Tuesday for a two-day state visit.",
        "The summit angered officials in Washington.",
        "The talks are said to have lasted three hours.",
        "The so-called “Power of Siberia 2” pipeline remains under negotiation.",
        "A statement was released after the meeting.",
        "China overtook Germany as Russia’s largest supplier of machinery in 2022.",
        "Russian officials visited Harbin to discuss new bridge projects.",
        "The ministry declined to comment.",
    ],
)
def test_outlet_style_non_claims(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quotation before a trailing speaker, with an audience after the cue
        (
            "“The barriers are gone,” Deputy Minister Pavel Orlov told reporters after the talks.",
            [
                (
                    "Pavel Orlov",
                    S,
                    "told reporters",
                    "“The barriers are gone,” Deputy Minister Pavel Orlov told reporters after the talks.",
                    True,
                )
            ],
        ),
        # a bare office between the name and the verb
        (
            "“Prices are up,” Ilya Gromov, head of a traders’ union in Omsk, said by telephone.",
            [
                (
                    "Ilya Gromov",
                    S,
                    "said",
                    "“Prices are up,” Ilya Gromov, head of a traders’ union in Omsk, said by telephone.",
                    True,
                )
            ],
        ),
        # a trailing group post-modified by "familiar with"
        (
            "The bridge is delayed, two people familiar with the talks said.",
            [
                (
                    "two people familiar with the talks",
                    G,
                    "said",
                    "The bridge is delayed, two people familiar with the talks said.",
                    False,
                )
            ],
        ),
        # of-frames and a state's document
        (
            "In the eyes of many Chinese strategists, Russia is a strategic rear.",
            [
                (
                    "many Chinese strategists",
                    G,
                    "In the eyes of",
                    "In the eyes of many Chinese strategists, Russia is a strategic rear.",
                    False,
                )
            ],
        ),
        (
            "According to China’s 2018 Arctic white paper, China is a near-Arctic state.",
            [
                (
                    "China’s 2018 Arctic white paper",
                    INST,
                    "According to",
                    "According to China’s 2018 Arctic white paper, China is a near-Arctic state.",
                    False,
                )
            ],
        ),
        # news-economy holders
        (
            "Several Russian exporters have complained that banks return transfers.",
            [
                (
                    "Several Russian exporters",
                    G,
                    "have complained that",
                    "Several Russian exporters have complained that banks return transfers.",
                    False,
                )
            ],
        ),
    ],
)
def test_news_constructions(text: str, expected: list[tuple[str, str, str | None, str, bool]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Chinese officials agreed on Thursday to expand the grain trade.",
        "It has not complained publicly about the delays.",
        "In the eyes of the world, the summit was a success.",
    ],
)
def test_news_not_claims(text: str) -> None:
    assert _rows(text) == []


def test_in_his_view_takes_the_last_person() -> None:
    rows = _rows("Sergei Petrov argues that the pivot is a choice. In his view, Asia is the future.")
    assert rows[1] == ("Sergei Petrov", S, "In his view", "In his view, Asia is the future.", False)


def test_pronoun_prefers_the_person_a_claimless_sentence_opens_with() -> None:
    text = (
        "Anton Belov said that ties were strong. Olga Kirova, the ministry spokeswoman, was sharper. "
        "She accused Western governments of lying."
    )
    assert [r[0] for r in _rows(text)] == ["Anton Belov", "Olga Kirova"]


def test_block_quote_after_a_participle_intro_with_an_occasion() -> None:
    text = (
        "Deputy Premier Yuri Lebedev struck a practical note, telling the audience:\n"
        "Trade volumes are no longer the main problem for us at all.\n"
        "Vera Antonova, a researcher in Kazan, summed up the mood in a written comment:\n"
        "Moscow has no illusions about how generous its partner will be."
    )
    rows = _rows(text)
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("Yuri Lebedev", "telling the audience", True),
        ("Vera Antonova", "summed up", True),
    ]
