"""The curated word lists moved out of code into ``data/`` files: well formed, and used."""

from __future__ import annotations

import calendar
import json
import unicodedata
from importlib import resources
from typing import Any

import pytest

from sinoru_corpus.claims._extract import find_claims
from sinoru_corpus.claims._lexicon import claim_lexicon
from sinoru_corpus.claims._sentence import _is_adverb
from sinoru_corpus.entities._citations import scan_citations
from sinoru_corpus.entities._mentions import find_mentions
from sinoru_corpus.entities._shapes import find_definitions
from sinoru_corpus.entities.gazetteer import load_gazetteer
from sinoru_corpus.page._datelines import section_of_dateline
from sinoru_corpus.text._sentences import split_sentences


def _load(name: str) -> Any:
    return json.loads(resources.files("sinoru_corpus").joinpath("data", name).read_text("utf-8"))


# every word list of data/claim_grammar.json (all casefolded: the claim finders compare lowercased tokens)
CLAIM_GRAMMAR_LISTS = [
    "be_forms",
    "irregular_participles",
    "not_adverbs_in_ly",
    "verb_prepositions",
    "clause_break_conjunctions",
    "question_auxiliaries",
    "clause_lead_words",
    "noun_links",
    "focus_determiners",
    "manner_prepositions",
    "place_links",
    "possessive_determiners",
    "bare_clause_openers",
    "bare_subjects",
    "there_verbs",
    "bare_noun_auxiliaries",
    "object_pronouns",
    "contraction_tails",
    "personal_pronouns",
    "plural_subject_pronouns",
    "non_finite_auxiliaries",
    "coordinators",
    "contracting_subjects",
    "adjective_suffixes",
    "name_particles",
    "inner_name_links",
    "possessor_determiners",
    "phrase_stop_exceptions",
    "relative_pronouns",
    "pronouns_with_s",
    "affiliation_links",
    "name_joiners",
    "name_prefixes",
    "time_leads",
    "role_links",
    "absolute_leads",
    "privy_adjectives",
    "privy_prepositions",
    "office_modifiers",
    "pp_links",
    "subject_relatives",
    "location_links",
    "effort_links",
    "name_continuers",
    "non_group_pronouns",
    "determiner_exceptions",
    "date_leads",
    "approximator_exceptions",
    "subordinators",
    "existential_verbs",
    "survey_determiners",
    "poll_nouns",
    "naming_verbs",
    "copular_verbs",
    "ordinals",
    "example_links",
    "clause_prepositions",
    "plural_endings",
    "modals",
    "finite_auxiliaries",
    "content_links",
    "sentence_connectives",
    "place_prepositions",
    "person_pronouns",
    "author_pronouns",
]
# word -> word mappings of data/claim_grammar.json
CLAIM_GRAMMAR_MAPS: list[str] = [
    "frame_pronouns",
]

# (file, key, lowercase): every word list a module reads, and whether the code compares it casefolded
WORD_LISTS = [
    ("sentences.json", "abbreviations", True),
    ("sentences.json", "soft_abbreviations", True),
    ("sentences.json", "starters", True),
    ("sentences.json", "dotted_continuations", True),
    ("mentions.json", "caps_english_words", False),
    ("mentions.json", "coordinators", True),
    ("institution_shapes.json", "connectors", True),
    ("page_meta.json", "dateline_lead_cues", True),
    ("page_meta.json", "dateline_lead_particles", True),
    ("page_meta.json", "local_time_places", False),
    ("textgen.json", "words", False),
    ("textgen.json", "names", False),
    ("textgen.json", "places", False),
    ("textgen.json", "bodies", False),
    ("textgen.json", "cues", True),
    ("textgen.json", "months", False),
    ("textgen.json", "furniture", False),
    ("cues.json", "complement_prepositions", True),
    ("cues.json", "concern_prepositions", True),
    *[("claim_grammar.json", key, True) for key in CLAIM_GRAMMAR_LISTS],
]


# files whose every key is a word list checked here (others have more structure, checked elsewhere too)
CHECKED_WHOLE = {"sentences.json", "citations.json", "mentions.json", "textgen.json", "claim_grammar.json"}

# (file, key): word -> number mappings
WORD_MAPS = [("citations.json", "months")]


@pytest.mark.parametrize("name", sorted({f for f, _, _ in WORD_LISTS} | {f for f, _ in WORD_MAPS}))
def test_word_list_files_say_what_they_are_for(name: str) -> None:
    raw = _load(name)
    assert isinstance(raw, dict)
    assert isinstance(raw.get("_comment"), str)
    assert len(raw["_comment"]) > 20
    listed = {k for f, k, _ in WORD_LISTS if f == name} | {k for f, k in WORD_MAPS if f == name}
    if name == "claim_grammar.json":
        listed |= set(CLAIM_GRAMMAR_MAPS)
    assert listed <= set(raw)
    if name in CHECKED_WHOLE:
        assert set(raw) - {"_comment"} == listed, "every key of the file is checked here"


@pytest.mark.parametrize(("name", "key", "lowercase"), WORD_LISTS)
def test_word_lists_hold_unique_clean_words(name: str, key: str, lowercase: bool) -> None:
    words = _load(name)[key]
    assert isinstance(words, list)
    assert words
    for w in words:
        assert isinstance(w, str), f"{name}:{key}: {w!r} is not a string"
        assert w, f"{name}:{key}: an empty entry"
        assert w == w.strip(), f"{name}:{key}: {w!r} has stray spaces"
        assert "  " not in w, f"{name}:{key}: {w!r} has a double space"
        if lowercase:
            assert w == w.casefold(), f"{name}:{key}: {w!r} is not casefolded"
    assert len(words) == len(set(words)), f"{name}:{key}: duplicates"


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, [(0, len(text))])]


def test_every_listed_abbreviation_keeps_its_sentence_going() -> None:
    raw = _load("sentences.json")
    soft = set(raw["soft_abbreviations"])
    for word in raw["abbreviations"]:
        if word in soft:
            continue
        text = f"We met {word.capitalize()}. Ross there."
        assert _split(text) == [text], word


def test_soft_abbreviations_end_a_sentence_only_before_a_starter() -> None:
    raw = _load("sentences.json")
    starter = raw["starters"][0].capitalize()
    for word in raw["soft_abbreviations"]:
        assert len(_split(f"Oil, gas, {word}. {starter} trade grew.")) == 2, word
        assert len(_split(f"Oil, gas, {word}. Ross trade grew.")) == 1, word


def test_dotted_continuations_never_end_a_sentence() -> None:
    for word in _load("sentences.json")["dotted_continuations"]:
        if "." not in word:
            continue
        text = f"Some partners, {word}. The Kremlin, agreed."
        assert _split(text) == [text], word


def test_citation_months_name_every_month_once_in_full() -> None:
    months = _load("citations.json")["months"]
    for word, number in months.items():
        assert word == word.strip().casefold(), word
        assert word.isalpha(), word
        assert isinstance(number, int), word
        assert 1 <= number <= 12, word
    assert sorted(set(months.values())) == list(range(1, 13))
    # every abbreviation is the start of its month's full name
    longest = {n: max((w for w, m in months.items() if m == n), key=len) for n in months.values()}
    for word, number in months.items():
        assert longest[number].startswith(word), word


@pytest.mark.parametrize("word", sorted(_load("citations.json")["months"]))
def test_every_citation_month_name_makes_a_citation(word: str) -> None:
    text = f"Trade grew (Kommersant, {word.capitalize()} 25, 2020)."
    found = scan_citations(text, gazetteer=load_gazetteer())
    assert len(found) == 1, word


def test_caps_english_words_are_printed_in_capitals() -> None:
    for word in _load("mentions.json")["caps_english_words"]:
        assert word == word.upper(), word
        assert word.isalpha(), word


@pytest.mark.parametrize("word", _load("mentions.json")["caps_english_words"])
def test_caps_english_words_are_no_mention_in_a_line_of_capitals(word: str) -> None:
    gaz = load_gazetteer()
    headline = f"{word} WINS IN THE NORTH\nTrade grew."
    assert [m.surface for m in find_mentions(headline, gazetteer=gaz)] == []


@pytest.mark.parametrize("word", _load("mentions.json")["coordinators"])
def test_coordinators_join_elided_modifiers(word: str) -> None:
    text = f"Trade with Central {word} East Asia grew."
    got = [(m.surface, m.entity.name) for m in find_mentions(text, gazetteer=load_gazetteer())]
    assert got == [("Central", "Central Asia"), ("East Asia", "East Asia")]


@pytest.mark.parametrize("word", _load("institution_shapes.json")["connectors"])
def test_connectors_join_a_defined_name_but_not_its_edges(word: str) -> None:
    text = f"Trade grew, said the Centre {word} Eurasian Studies (CES) today."
    (d,) = find_definitions(text, [(0, len(text))])
    assert (d.name, d.acronym) == (f"Centre {word} Eurasian Studies", "CES")


@pytest.mark.parametrize("cue", _load("page_meta.json")["dateline_lead_cues"])
def test_dateline_lead_cues_leave_no_section_beside_the_date(cue: str) -> None:
    for particle in ["", *_load("page_meta.json")["dateline_lead_particles"]]:
        line = " ".join(w for w in (cue.capitalize(), particle, "15 March 2021") if w)
        section, span, kind = section_of_dateline(line)
        assert (section, kind) == (None, "dateline"), line
        assert span is not None
        assert line[span[0] : span[1]] == "15 March 2021"


@pytest.mark.parametrize("place", _load("page_meta.json")["local_time_places"])
def test_local_time_places_make_a_clock_time(place: str) -> None:
    assert section_of_dateline(f"15 March 2021 14:05 {place} time") == (None, (0, 13), "dateline")


def test_generator_vocabulary_is_nfc_and_words_are_single_tokens() -> None:
    raw = _load("textgen.json")
    for key, entries in raw.items():
        if key == "_comment":
            continue
        for entry in entries:
            assert unicodedata.normalize("NFC", entry) == entry, (key, entry)
    for word in raw["words"]:
        assert len(word.split()) == 1, word
    assert raw["months"] == list(calendar.month_name)[1:]


def test_claim_grammar_entries_are_single_words() -> None:
    raw = _load("claim_grammar.json")
    for key in CLAIM_GRAMMAR_LISTS:
        for word in raw[key]:
            assert len(word.split()) == 1, (key, word)
            assert unicodedata.normalize("NFC", word) == word, (key, word)


@pytest.mark.parametrize("key", CLAIM_GRAMMAR_MAPS)
def test_claim_grammar_maps_are_casefolded_words(key: str) -> None:
    mapping = _load("claim_grammar.json")[key]
    assert isinstance(mapping, dict)
    assert mapping
    for k, v in mapping.items():
        assert isinstance(k, str), (key, k)
        assert isinstance(v, str), (key, k)
        assert k == k.strip().casefold(), (key, k)
        assert v == v.strip().casefold(), (key, v)


@pytest.mark.parametrize("word", _load("claim_grammar.json")["not_adverbs_in_ly"])
def test_words_in_ly_listed_as_no_adverb_are_no_adverb(word: str) -> None:
    lex = claim_lexicon()
    assert word.endswith("ly"), word
    assert not _is_adverb(word, lex), word
    assert _is_adverb("quietly", lex)


def _claim_rows(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.speaker.name, c.speaker.kind.value, c.cue) for c in find_claims(text, [(0, len(text))])]


@pytest.mark.parametrize("word", _load("claim_grammar.json")["name_particles"])
def test_name_particles_keep_a_speakers_name_whole(word: str) -> None:
    assert _claim_rows(f"Ivan {word} Souza said that the pact will hold.") == [
        (f"Ivan {word} Souza", "person", "said that")
    ]
    # a word that is no particle splits the name
    assert _claim_rows("Ivan zu Souza said that the pact will hold.")[0][0] == "Souza"


@pytest.mark.parametrize("word", _load("claim_grammar.json")["privy_adjectives"])
def test_privy_adjectives_make_a_group_of_informed_people(word: str) -> None:
    assert _claim_rows(f"Officials {word} with the talks said that the pact will hold.") == [
        (f"Officials {word} with the talks", "group", "said that")
    ]


@pytest.mark.parametrize("word", _load("claim_grammar.json")["frame_pronouns"])
def test_frame_pronouns_open_an_in_view_frame(word: str) -> None:
    rows = _claim_rows(f"Ivan Petrov spoke. In {word} view, the pact will hold.")
    assert [cue for _, _, cue in rows] == [f"In {word} view"]
    assert _claim_rows("In its view, the pact will hold.") == []


@pytest.mark.parametrize("word", _load("claim_grammar.json")["existential_verbs"])
def test_existential_verbs_introduce_champions(word: str) -> None:
    rows = _claim_rows(f"There {word} Russian champions of closer ties to China.")
    assert rows == [("Russian champions of closer ties to China", "group", "champions of")]
    assert _claim_rows("There seem Russian champions of closer ties to China.") == []


@pytest.mark.parametrize("word", _load("cues.json")["complement_prepositions"])
def test_complement_prepositions_may_come_before_that(word: str) -> None:
    assert _claim_rows(f"Ivan Petrov wrote {word} the paper that the pact will hold.") == [
        ("Ivan Petrov", "person", "wrote")
    ]
    assert _claim_rows("Ivan Petrov wrote under the paper that the pact will hold.") == []


@pytest.mark.parametrize("word", _load("cues.json")["concern_prepositions"])
def test_concern_prepositions_name_who_is_concerned(word: str) -> None:
    assert _claim_rows(f"The pact is of concern {word} Ivan Petrov.") == [
        ("Ivan Petrov", "person", f"of concern {word}")
    ]
    assert _claim_rows("The pact is of concern from Ivan Petrov.") == []
