"""Complement clauses without "that", relative and lexicon constructions added for news recall.

Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from claim_text import claims_in_lines as _claims


def _speakers(text: str) -> list[str]:
    return [c.speaker.name for c in _claims(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a subject pronoun and a finite verb, with or without a contraction
        ("The memo annoyed senators who felt the envoy was far too close to the talks.", "senators"),
        ("Ada Okafor implied fishermen were the ones harming the coast.", "Ada Okafor"),
        ("Dockers now fear they’d lose their pensions.", "Dockers"),
        ("The two experts agreed there are safer designs.", "The two experts"),
        ("Many Democrats fear Mr. Berg would pick a hardliner.", "Many Democrats"),
        ("Ada Okafor felt she wasn't taken seriously by the board.", "Ada Okafor"),
        ("The analysts think they know better than the board.", "The analysts"),
    ],
)
def test_complement_clause_without_that(text: str, speaker: str) -> None:
    assert speaker in _speakers(text)


@pytest.mark.parametrize(
    "text",
    [
        "The crew thought the storm over.",  # no clause: a noun and no verb
        "Ada Okafor felt the rope with her hands.",
        "The board agreed there.",
    ],
)
def test_no_bare_clause_no_claim(text: str) -> None:
    assert _claims(text) == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ada Okafor has rallied dockers by promising to rebuild the quay.", "Ada Okafor"),
        ("The mayor voiced displeasure with the new ferry timetable.", "The mayor"),
        ("Many analysts at the forum agreed with Okafor on the fees.", "Many analysts at the forum"),
        ("Ada Okafor described a broken system in terms familiar to sailors.", "Ada Okafor"),
    ],
)
def test_lexicon_speech_acts(text: str, speaker: str) -> None:
    assert speaker in _speakers(text)


def test_described_needs_a_holder() -> None:
    assert _claims("The brochure described a quiet harbour.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "The ferry left at noon, Norway’s Ambassador to Spain confirmed.",
        "The ferry left at noon, the Special Envoy to Chad confirmed.",
    ],
)
def test_capitalised_role_with_its_post(text: str) -> None:
    (claim,) = _claims(text)
    assert claim.speaker.kind.value == "person"
    assert claim.speaker.name.endswith(("Spain", "Chad"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The experts were able to win the vote by saying the quay was unsafe.", "The experts"),
        ("She calmed the crowd while insisting the fees would stay.", "she"),
    ],
)
def test_manner_participle_speaks_for_the_subject(text: str, speaker: str) -> None:
    assert speaker.casefold() in [s.casefold() for s in _speakers(text)]


def test_manner_participle_needs_a_holder() -> None:
    assert _claims("The tide was held back by saying nothing at all.") == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Some of the experts believe the quay is safe.", "Some of the experts"),
        ("None of the experts thought repair was likely.", "None of the experts"),
        ("Most of these analysts believe the quay is safe.", "Most of these analysts"),
        ("Some believe she could repeat the feat.", "Some"),
        ("The port is busy, but few think it will last.", "few"),
        ("It is a plan some believe she could repeat.", "some"),
    ],
)
def test_quantities_as_subjects(text: str, speaker: str) -> None:
    assert speaker in _speakers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some claims about the quay were false.",  # a plural noun after the quantifier
        "There is some support for the plan.",
        "She found some praise for the crew.",
    ],
)
def test_quantifier_before_a_noun_is_no_subject(text: str) -> None:
    assert _claims(text) == ()


def test_per_source_closing_the_sentence() -> None:
    (claim,) = _claims("The crew lived in Hull and were fishermen, per the Harbour Gazette.")
    assert claim.speaker.name == "the Harbour Gazette"
    assert claim.cue == "per"


@pytest.mark.parametrize(
    "text",
    [
        "Fees rose by $5 per ton in the spring.",
        "Fees rose to $5, per ton of cargo landed.",  # no proper source
        "The crew left, per the Harbour Gazette, at noon.",  # the source does not close the sentence
    ],
)
def test_per_as_a_rate_is_no_source(text: str) -> None:
    assert _claims(text) == ()


def test_according_to_a_book() -> None:
    (claim,) = _claims("He paid $8 million for the boat, according to his memoir ''The Sea Road.''")
    assert claim.speaker.name == "his memoir"


@pytest.mark.parametrize(
    "text",
    [
        "For all the talks and all the summits, the border deal has barely moved.",
        "In truth, the word “Nordic” ought to be used to describe people of the far north.",
    ],
)
def test_concessive_for_all_and_infinitives_attribute_nothing(text: str) -> None:
    assert _claims(text) == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ms. Okafor’s original pledge to rebuild the quay was never kept.", "Okafor"),
        ("Ada Okafor’s attacks on the board grew sharper in May.", "Ada Okafor"),
        ("Ivo Marsh’s proposal for a toll bridge drew little support.", "Ivo Marsh"),
    ],
)
def test_possessive_speech_nouns(text: str, speaker: str) -> None:
    assert any(speaker in s for s in _speakers(text))


def test_possessive_noun_needs_a_holder() -> None:
    assert _claims("The bridge’s proposal for a toll was odd.") == ()


def test_passive_with_an_agent_needs_no_complement() -> None:
    (claim,) = _claims("Tom Reed was confirmed as one of the crew by the Danish fisheries minister.")
    assert claim.speaker.name == "the Danish fisheries minister"


def test_passive_without_an_agent_is_no_claim() -> None:
    assert _claims("Tom Reed was confirmed as one of the crew on Monday.") == ()


def test_documents_are_subjects_of_any_cue() -> None:
    (claim,) = _claims("Text messages recovered from the boat suggested he knew of the plan.")
    assert claim.speaker.name == "Text messages recovered from the boat"
    assert claim.speaker.kind.value == "institution"


def test_inanimate_subject_of_suggest_is_still_no_claim() -> None:
    assert _claims("These developments suggest that the quay will close.") == ()


def test_pronoun_never_resolves_to_a_name_inside_the_quotation() -> None:
    found = _claims("“Happy birthday, Tom Reed!,” he tweeted.")
    assert found
    assert all("Reed" not in c.speaker.name for c in found)


def test_the_study_in_news_is_a_document_not_the_author() -> None:
    (claim,) = _claims("The study found the quay was unsafe.")
    assert claim.speaker.kind.value == "institution"


def test_reveal_that_with_a_person() -> None:
    assert "The deputy" in _speakers("The deputy revealed that Okafor had urged her to run.")


def test_trailing_ruling_and_passive_rebuke() -> None:
    assert "a federal judge" in _speakers("The man will remain in custody, a federal judge ruled Monday.")
    assert "critics" in _speakers("Okafor has been rebuked by critics for her plan.")


def test_capitalised_cue_before_a_name_is_a_title() -> None:
    text = "None of them is famous, but Judge Okafor is an expert on maritime law."
    assert all(c.cue != "Judge" for c in _claims(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rita Chase assured voters she’d reopen the quay.", "Rita Chase"),
        ("The mayor reassured them they would keep their jobs.", "The mayor"),
    ],
)
def test_object_then_clause_without_that(text: str, speaker: str) -> None:
    assert speaker in _speakers(text)


def test_assure_without_a_clause_is_no_claim() -> None:
    assert _claims("Rita Chase assured the crowd.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "The trade group for the ferry lines spelled out its concerns.",
        "The trade group for the ferry lines, which serve most routes, spelled out its concerns.",
    ],
)
def test_noun_modifiers_and_asides_in_postmodified_subjects(text: str) -> None:
    assert _speakers(text) == ["The trade group for the ferry lines"]


def test_participle_is_no_noun_modifier() -> None:
    assert _claims("The rising tide for the ferry lines spelled trouble.") == ()


def test_group_with_two_places() -> None:
    text = (
        "Serving and retired officials in the Coast Guard and at the Fisheries Ministry "
        "have said divers are searching."
    )
    group = "Serving and retired officials in the Coast Guard and at the Fisheries Ministry"
    assert _speakers(text) == [group]


def test_perfect_participle_after_a_comma() -> None:
    text = "Okafor also misread the harbour master, having referred to the man as a “moderniser.”"
    assert _speakers(text) == ["Okafor"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Others paid tribute to the retired geologist at the harbour.", "Others"),
        ("The group taunted the board by posting cartoons.", "The group"),
    ],
)
def test_tribute_and_taunts(text: str, speaker: str) -> None:
    assert speaker in _speakers(text)


def test_absolute_with_construction() -> None:
    text = "The port raised fees on Monday, with officials vowing to keep them."
    assert _speakers(text) == ["officials"]


def test_with_and_a_noun_participle_is_no_speaker() -> None:
    assert _claims("The port opened on Monday, with boats arriving all day.") == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ada Okafor broke down in detail what the port plan gets wrong.", "Ada Okafor"),
        ("The board kept the fee, despite critics breaking down why it is unfair.", "critics"),
    ],
)
def test_break_down_what_and_despite(text: str, speaker: str) -> None:
    assert speaker in _speakers(text)


def test_talks_breaking_down_is_no_claim() -> None:
    assert _claims("The talks broke down on Monday.") == ()


def test_passive_agent_is_a_speaker_not_a_possessed_event() -> None:
    # "by President Lin's visit": the visit confirms, nobody speaks
    for mark in ("'", "\u2019"):
        text = f"Beijing's interest in the steppe is confirmed by President Lin{mark}s visit to Astana."
        assert _speakers(text) == []
    # the person herself as the agent still speaks
    assert _speakers("The report was confirmed by President Lin on Monday.") == ["Lin"]
