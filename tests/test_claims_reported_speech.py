"""Reported speech in news style: one test per construction, on sentences written for the tests.

Covers ordinary noun-phrase subjects, adverbs between subject and verb, speakers after a
quotation (with objects, outlets and times after the verb), inversion, role appositives,
documents and polls, every style of quotation mark, unbalanced marks, pronouns, and the
negative cases (no speaker from inside a quotation, no time word as a speaker).
"""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claim_text import claims_in_lines as _claims
from sinoru_corpus.claims._extract import find_claims
from sinoru_corpus.model import Claim, SpeakerKind


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker.name, c.speaker.kind.value) for c in _claims(text)]


def _one(text: str) -> Claim:
    found = _claims(text)
    assert len(found) == 1, [(c.speaker.name, c.cue, c.text) for c in found]
    return found[0]


# --- ordinary noun-phrase subjects -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("The nurse said the night shift was far too long.", "The nurse", "person"),
        ("His cousin added that the family would stay in town.", "His cousin", "person"),
        ("The airline said the plane had been checked twice.", "The airline", "institution"),
        ("Former teachers say the school lost its way years ago.", "Former teachers", "group"),
        (
            "The deputy head of the delegation to the summit said the talks would go on.",
            "The deputy head of the delegation to the summit",
            "person",
        ),
        (
            "The Liberal front-runner and former finance minister said taxes would fall.",
            "The Liberal front-runner and former finance minister",
            "person",
        ),
        (
            "About 40 percent of the farmers said prices were too low.",
            "About 40 percent of the farmers",
            "group",
        ),
    ],
)
def test_ordinary_noun_phrase_subjects(text: str, speaker: str, kind: str) -> None:
    assert _speakers(text) == [(speaker, kind)]


def test_an_abstract_noun_after_a_possessive_is_no_subject_of_a_participle() -> None:
    assert _claims("Norway’s main interest is asserting its claim to the shelf.") == ()


def test_an_adverb_between_subject_and_verb() -> None:
    claim = _one("Okafor however said he would welcome a vote on the bill.")
    assert claim.speaker.name == "Okafor"
    assert claim.cue is not None
    assert claim.cue.endswith("said")


# --- speakers after a quotation or a fronted report ------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“The bridge will open in May,” Priya Nair tweeted Friday.", "Priya Nair", "tweeted"),
        ("“We will not give up,” Tomas Berg wrote on Facebook.", "Tomas Berg", "wrote"),
        (
            "“It was a long night,” a hospital spokesman told the Evening Courier.",
            "a hospital spokesman",
            "told",
        ),
        (
            "The mill had been closed for a year, a union official told the local radio.",
            "a union official",
            "told",
        ),
        ("The ferry left two hours late, the company confirmed on Monday.", "the company", "confirmed"),
    ],
)
def test_trailing_speakers(text: str, speaker: str, cue: str) -> None:
    claim = _one(text)
    assert (claim.speaker.name, claim.cue) == (speaker, cue)


def test_continued_after_a_quotation_resolves_the_pronoun() -> None:
    text = "“The plan is sound,” said Lena Ortiz.\n“It will pass in the spring,” she continued."
    found = _claims(text)
    assert [(c.speaker.name, c.cue) for c in found] == [("Lena Ortiz", "said"), ("Lena Ortiz", "continued")]
    assert all(c.quoted for c in found)


def test_a_bare_speaker_sentence_after_its_quotation() -> None:
    found = _claims("“Get the boats out now!” Harlan said.")
    assert [(c.speaker.name, c.text) for c in found] == [("Harlan", "Harlan said.")]
    assert found[0].quoted


def test_participle_after_a_quotation_takes_the_clause_subject() -> None:
    claim = _one("The mayor gave a long defense of “river towns,” saying they were the heart of the county.")
    assert (claim.speaker.name, claim.cue) == ("The mayor", "saying")


# --- inversion, appositives, asides ----------------------------------------------------


def test_inversion_with_a_role_appositive() -> None:
    claim = _one("“Costs will rise,” said Mr. Adeyemi, a senior economist at the bank.")
    assert claim.speaker.name == "Adeyemi"
    assert claim.speaker.kind is SpeakerKind.PERSON


@pytest.mark.parametrize(
    "text",
    [
        "Rosa Klein, head of the port authority, said the cranes were idle.",
        "Rosa Klein, co-founder of the river trust, said the cranes were idle.",
        "Rosa Klein, the port’s chief harbour engineer, said the cranes were idle.",
        "Rosa Klein, during a visit to Hull, Yorkshire, said the cranes were idle.",
    ],
)
def test_appositives_and_asides_between_subject_and_verb(text: str) -> None:
    assert _speakers(text) == [("Rosa Klein", "person")]


def test_a_time_or_an_occasion_after_the_verb_is_never_the_speaker() -> None:
    assert _speakers("“We are ready,” Ivo Petrov, the club’s manager, said Sunday.") == [
        ("Ivo Petrov", "person")
    ]
    assert _speakers("“We are ready,” Ivo Petrov, manager of the club, said in a statement.") == [
        ("Ivo Petrov", "person")
    ]


# --- documents and polls -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The poll showed the senator ahead by six points.", "The poll"),
        ("Court records show he sold the farm in 2009.", "Court records"),
        ("The survey found that most parents want longer breaks.", "The survey"),
        ("The river rose overnight, according to a new survey of the valley.", "a new survey"),
        ("In a new poll, the governor leads her rival by four points.", "a new poll"),
    ],
)
def test_documents_and_polls_as_sources(text: str, speaker: str) -> None:
    claim = _one(text)
    assert claim.speaker.name == speaker
    assert claim.speaker.kind is SpeakerKind.INSTITUTION


def test_show_and_find_need_a_document_subject() -> None:
    assert _claims("The players showed great skill in the final.") == ()
    assert _claims("The children found the key under a stone.") == ()


# --- quotation marks of every style ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“Rates will fall,” said Ana Lutz.",
        '"Rates will fall," said Ana Lutz.',
        "''Rates will fall,'' said Ana Lutz.",
        "``Rates will fall,'' said Ana Lutz.",
        "«Rates will fall», said Ana Lutz.",
        "„Rates will fall“, said Ana Lutz.",
    ],
)
def test_quotation_marks_of_every_style(text: str) -> None:
    claim = _one(text)
    assert (claim.speaker.name, claim.cue, claim.quoted) == ("Ana Lutz", "said", True)


def test_cue_words_inside_a_quotation_are_not_claims() -> None:
    text = "''Nobody said the port would close,'' Mira Holm told the council."
    assert _speakers(text) == [("Mira Holm", "person")]


def test_a_stray_mark_does_not_swallow_the_paragraph() -> None:
    text = 'The stage was 6" too low. Engineers say the fix is simple. Officials say it is not.'
    assert [name for name, _ in _speakers(text)] == ["Engineers", "Officials"]


def test_a_quotation_left_open_at_a_paragraph_end_runs_on() -> None:
    text = "“The levee will hold,” said Omar Daud. “We built it to last. Nobody doubts that."
    found = _claims(text)
    assert [c.speaker.name for c in found] == ["Omar Daud", "Omar Daud", "Omar Daud"]
    assert [c.cue for c in found[1:]] == [None, None]


# --- pronouns and names --------------------------------------------------------------------


def test_pronouns_resolve_to_the_nearest_named_speaker() -> None:
    text = (
        "Marta Vidal spoke first. She said the river was rising.\n"
        "“The dam is old,” said Jon Ek. He added that the gates leak."
    )
    assert [c.speaker.name for c in _claims(text)] == ["Marta Vidal", "Jon Ek", "Jon Ek"]


def test_a_contracted_pronoun_is_a_pronoun() -> None:
    claim = _one("Ivan Sokol is struggling to show the deal was rigged, as he’s often claimed.")
    assert claim.speaker.name == "Ivan Sokol"


def test_they_without_a_named_group_stays_a_group() -> None:
    assert _speakers("What is more, they note, the bridge was never finished.") == [("they", "group")]


def test_they_binds_to_a_group_earlier_in_the_sentence() -> None:
    assert _speakers("That worries many farmers because they believe the rain will not come.") == [
        ("many farmers", "group")
    ]


def test_titles_with_a_period_stay_with_the_name() -> None:
    claim = _one("Mrs. Okonjo revised her plans in May, saying that about 500 jobs would stay.")
    assert claim.speaker.name == "Okonjo"


def test_relative_clause_speaker() -> None:
    claim = _one("The bill was opposed by Dana Ruiz, who argued it would raise rents.")
    assert claim.speaker.name == "Dana Ruiz"


# --- invariants ------------------------------------------------------------------------------

_WORDS = st.sampled_from(["the", "river", "said", "Nobody", "told", "rates", "will", "fall", "Senator", "we"])


@given(st.lists(_WORDS, min_size=1, max_size=12), st.sampled_from(["Ana Lutz", "Tomas Berg", "Lena Ortiz"]))
def test_the_speaker_never_comes_from_inside_the_quotation(words: list[str], name: str) -> None:
    text = f"“{' '.join(words)},” {name} said."
    found = _claims(text)
    assert found
    assert {c.speaker.name for c in found} == {name}


@given(st.lists(st.sampled_from(["Alpha", "Beta", "Gamma", "Delta"]), min_size=1, max_size=6))
def test_no_doubled_words_in_a_speaker_name(words: list[str]) -> None:
    name = " ".join(dict.fromkeys(words))
    text = f"The {name} States Council said the plan would work."
    for c in _claims(text):
        parts = c.speaker.name.split()
        assert all(a != b for a, b in itertools.pairwise(parts)), c.speaker.name


def _best_of_three(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        find_claims(text, [(0, len(text))])
        best = min(best, time.perf_counter() - t0)
    return best


def test_a_long_run_of_capitalised_words_stays_linear() -> None:
    # growth ratio only: four times the text may not cost sixteen times the time
    unit = "Alpha Beta Gamma Said Delta the Mayor said “Foo,” he continued and they said "
    small = _best_of_three(unit * 300 + ".")
    large = _best_of_three(unit * 1200 + ".")
    assert large < 10 * max(small, 1e-3)


# --- cue words that are not verbs, and subjects read from further away -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Farmers were barred from entering the United States.",
        "She served four years as secretary of state in the cabinet.",
    ],
)
def test_a_cue_word_inside_a_name_or_after_of_is_no_verb(text: str) -> None:
    assert _claims(text) == ()


def test_a_participle_after_a_pronoun_clause() -> None:
    claim = _one(
        "On Monday, she widened her calls for checks of the mill, warning workers that the roof was weak."
    )
    assert (claim.speaker.name, claim.speaker.kind) == ("she", SpeakerKind.PERSON)


def test_a_document_with_a_post_modifier_and_an_aside() -> None:
    claim = _one("Exit polls from the county primary, which Mr. Hale won easily, showed that turnout fell.")
    assert claim.speaker.name == "Exit polls from the county primary"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Alan Osmond called him a kind and loving person.", "Alan Osmond"),
        ("The accord calls on all nations to limit emissions over time.", "The accord"),
        ("Rea Lind runs a campaign - one she calls ''Open Harbour'' - on the coast.", "Rea Lind"),
    ],
)
def test_calls(text: str, speaker: str) -> None:
    assert _one(text).speaker.name == speaker


def test_a_pronoun_prefers_the_person_who_opens_its_sentence() -> None:
    claim = _one("Ivo Marek is trying to show how Ana Roth was bought by donors, as he’s often claimed.")
    assert claim.speaker.name == "Ivo Marek"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Later, the mayor’s office released a statement saying the bridge would reopen.",
            "the mayor’s office",
        ),
        (
            "Rhea Moss spoke at noon. By evening, she issued a statement calling for the city to act.",
            "Rhea Moss",
        ),
    ],
)
def test_who_issues_a_document_speaks_through_it(text: str, speaker: str) -> None:
    assert _claims(text)[-1].speaker.name == speaker


def test_cut_in_after_a_quotation() -> None:
    found = _claims("“Tell her I promised,” Varga said, and her husband cut in.")
    assert [c.speaker.name for c in found] == ["Varga", "her husband"]


def test_point_out_and_point_to() -> None:
    text = (
        "Shipping firms are quick to point out that most routes are safe.\n"
        "They point to data from the last decade."
    )
    assert [(c.speaker.name, c.cue) for c in _claims(text)] == [
        ("Shipping firms", "are quick to point out that"),
        ("Shipping firms", "point to"),
    ]


def test_a_capitalised_opener_before_a_determiner_is_no_name() -> None:
    claim = _one("Given his past remarks on the dam, it is safe to say he is referring to the old plan.")
    assert claim.speaker.name != "Given"


def test_evidence_that_points_to_something_is_no_speaker() -> None:
    assert _claims("The evidence points to a drought in the north.") == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "J. Arthur Bell III, the city’s chief auditor, has indicated that the books were sound.",
            "J. Arthur Bell III",
        ),
        ("Nina Ruiz, Friends for Rivers’ policy director, praised the mayor on Thursday.", "Nina Ruiz"),
    ],
)
def test_names_with_initials_and_suffixes_and_appositives_holding_names(text: str, speaker: str) -> None:
    assert _claims(text)[0].speaker.name == speaker


def test_continue_reports_only_next_to_a_quotation() -> None:
    assert _claims("The back and forth of the talks continues, with both sides digging in.") == ()
    claim = _one("Nora Fitz continued: “We will not sell the port.”")
    assert (claim.speaker.name, claim.quoted) == ("Nora Fitz", True)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We called him before he boarded,” his nephew Omar el Saleh added.", "Omar el Saleh"),
        ("Party spokesman Ivo Marsh wouldn’t say when the vote will be held.", "Ivo Marsh"),
        ("Years after Bill Lane claimed that the age of cheap fuel was over, the party won.", "Bill Lane"),
        (
            "Walking home, Varga spoke of her youth in the town, and said the war changed her views.",
            "Varga",
        ),
        (
            "The newspaper, for years a loud champion of reform, writes that the mayor must go.",
            "The newspaper",
        ),
    ],
)
def test_names_negated_auxiliaries_subordinators_conjuncts_and_appositives(text: str, speaker: str) -> None:
    assert _claims(text)[0].speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Polls show voters trust the mayor more than any rival.", "Polls"),
        ("A review by The Courier shows most of the hours were for travel.", "A review by The Courier"),
        (
            "Port records from the 2019 season show he hired both crews.",
            "Port records from the 2019 season",
        ),
        (
            "State media commentary, by contrast, portrays the slowdown as temporary.",
            "State media commentary",
        ),
    ],
)
def test_documents_with_capitals_numbers_and_by_phrases(text: str, speaker: str) -> None:
    assert [c.speaker.name for c in _claims(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "The ferry line also confirmed the news about the crew to the Herald.",
            "The ferry line",
            "confirmed",
        ),
        ("KTV host Carl Quint asked the senator about his ties to a mining firm.", "Carl Quint", "asked"),
        ("She also recently wrote a Herald opinion piece on pay and sexism.", "She", "wrote"),
        ("Mara Voss, while speaking on Monday, called again for the mayor to resign.", "Mara Voss", "called"),
    ],
)
def test_speech_verbs_with_objects(text: str, speaker: str, cue: str) -> None:
    claim = _one(text)
    assert claim.speaker.name == speaker
    assert claim.cue is not None
    assert cue in claim.cue


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The port authority on Monday also urged the shippers to do more.", "The port authority"),
        ("The audit office hasn’t yet endorsed the plan.", "The audit office"),
        ("Mr. Vance rejected the claim that he was no reformer.", "Vance"),
        ("Orlov late Monday agreed that the debate would be held in the city.", "Orlov"),
        ("Gov. Rita Chase, who's chairing the panel, argued that the plan works.", "Rita Chase"),
    ],
)
def test_times_negations_and_relative_asides_between_subject_and_verb(text: str, speaker: str) -> None:
    assert [c.speaker.name for c in _claims(text)] == [speaker]


def test_a_bracketed_party_label_after_the_name() -> None:
    claim = _one("Sen. Ada Corwin (R-Texas) told a local reporter on Monday that the vote would pass.")
    assert claim.speaker.name == "Ada Corwin"


def test_a_pronoun_possessor_of_a_reporting_noun() -> None:
    text = "Lina Berg, the council leader, caused a stir over her remark that “the river is dead.”"
    claim = _one(text)
    assert (claim.speaker.name, claim.quoted) == ("Lina Berg", True)


def test_a_place_after_a_preposition_is_no_antecedent() -> None:
    text = (
        "Vera Holm spoke first.\n"
        "A new group ran ads in Ohio and Nevada using her remarks that the plan failed."
    )
    assert [c.speaker.name for c in _claims(text)] == ["Vera Holm"]


def test_a_clause_between_commas_is_no_appositive() -> None:
    text = (
        "Omar Haddad and his wife, son Sami and his niece had been travelling together, "
        "wrote film critic Lea Haddad."
    )
    assert [c.speaker.name for c in _claims(text)] == ["film critic Lea Haddad"]


def test_a_long_appositive_with_a_relative_clause() -> None:
    text = (
        "Nils and Greta Holm, the parents whose speech at the county fair last summer created "
        "a firestorm for the mayor, say they felt bound to speak."
    )
    assert [c.speaker.name for c in _claims(text)] == ["Nils and Greta Holm"]


def test_a_quoted_title_inside_an_appositive_is_no_quotation() -> None:
    text = "Noah Oppen, the editor in charge of ''Morning Hour,'' reminded his staff about the old shows."
    assert [c.speaker.name for c in _claims(text)] == ["Noah Oppen"]


def test_two_appositives_in_a_row() -> None:
    text = "Greta Rolf, chief executive of Jet Aid, an aviation consulting firm, said the plane was old."
    assert [c.speaker.name for c in _claims(text)] == ["Greta Rolf"]


def test_a_preposition_is_no_adverb_inside_the_verb_group() -> None:
    text = (
        "The jury gave Omar two stars, out of a maximum of five, "
        "for waving away the notion that he had a deal."
    )
    assert all(c.speaker.name != "stars" for c in _claims(text))


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Halvorsen writes the ferry company works with two other ports.", "Halvorsen", "writes"),
        ("The union also reported the depot has been closed since May.", "The union", "also reported"),
        ("And he claims his landlord is happy with the repairs.", "he", "claims"),
        ("The council confirmed Oakfield will keep its library.", "The council", "confirmed"),
    ],
)
def test_a_complement_clause_without_that(text: str, speaker: str, cue: str) -> None:
    claim = _one(text)
    assert (claim.speaker.name, claim.cue) == (speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The senator wrote the bill passed by the chamber last spring.",
        "Inspectors confirmed a new harbour master on Tuesday.",
        "She wrote legislation that gave the port more money.",
    ],
)
def test_an_object_without_a_clause_is_no_complement(text: str) -> None:
    assert _claims(text) == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Among registered anglers, about two-thirds, 64 percent, say the season is too short.",
            "about two-thirds",
        ),
        ("Just over a quarter, 27 percent, say they will fish elsewhere.", "Just over a quarter"),
        ("Nearly half said the new rules were fair.", "Nearly half"),
    ],
)
def test_a_quantity_as_subject(text: str, speaker: str) -> None:
    claim = _one(text)
    assert (claim.speaker.name, claim.speaker.kind) == (speaker, SpeakerKind.GROUP)


def test_a_document_with_a_reduced_relative() -> None:
    claim = _one("The mill has paid no rent since 2012, lease records compiled by the county show.")
    assert (claim.speaker.name, claim.speaker.kind) == (
        "lease records compiled by the county",
        SpeakerKind.INSTITUTION,
    )


def test_a_survey_with_a_participle_aside_finds_an_object() -> None:
    claim = _one("The survey, conducted by the fishing board, finds the north coast with a small lead.")
    assert (claim.speaker.name, claim.speaker.kind, claim.cue) == (
        "The survey",
        SpeakerKind.INSTITUTION,
        "finds",
    )


def test_a_holder_circle() -> None:
    claim = _one("The mayor's inner circle believes that the deal is done.")
    assert (claim.speaker.name, claim.speaker.kind) == ("The mayor's inner circle", SpeakerKind.GROUP)


def test_a_capitalised_plural_subject_with_a_post_modifier() -> None:
    claim = _one("Aides to the harbour master argued that the quay was unsafe.")
    assert (claim.speaker.name, claim.speaker.kind) == ("Aides to the harbour master", SpeakerKind.GROUP)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Vermont Sen. Ada Corwin said the ferry should run all winter.", "Ada Corwin"),
        ("Former Gov. Rita Chase argued that the toll was too high.", "Rita Chase"),
    ],
)
def test_a_place_or_rank_before_a_title(text: str, speaker: str) -> None:
    claim = _one(text)
    assert (claim.speaker.name, claim.speaker.kind) == (speaker, SpeakerKind.PERSON)


def test_an_acronym_inside_a_name_is_an_organisation() -> None:
    claim = _one("The pilot often flew at night, the news site KTV Info reported.")
    assert (claim.speaker.name, claim.speaker.kind) == ("KTV Info", SpeakerKind.INSTITUTION)


def test_a_participle_after_an_object_with_a_possessive() -> None:
    claim = _one("She sent a memo to the board explaining her plan for the harbour.")
    assert (claim.speaker.name, claim.cue) == ("She", "explaining")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mr. Adeyemi met Ms. Okafor at the port. She said the quay was unsafe.", "Okafor"),
        ("Ms. Okafor met Mr. Adeyemi at the port. He said the quay was unsafe.", "Adeyemi"),
        ("Mr. Adeyemi spoke first. She said the quay was unsafe.", "She"),
    ],
)
def test_a_pronoun_agrees_with_a_gendered_title(text: str, speaker: str) -> None:
    claim = _one(text)
    assert claim.speaker.name == speaker


def test_a_pronoun_does_not_take_a_previous_speaker_of_the_other_title() -> None:
    found = _claims("Mr. Adeyemi said the port was closed. She added that it would reopen.")
    assert [c.speaker.name for c in found] == ["Adeyemi", "She"]


def test_a_headline_attribution_to_a_person_the_article_names() -> None:
    text = "Okafor: The quay is unsafe.\nAda Okafor runs the harbour at Tema."
    found = _claims(text)
    assert [(c.speaker.name, c.speaker.kind, c.cue, c.text) for c in found] == [
        ("Ada Okafor", SpeakerKind.PERSON, None, "Okafor: The quay is unsafe.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Update: The quay is unsafe.\nAda Okafor runs the harbour at Tema.",
        "Okafor: The quay is unsafe.",
        "Russia: The quay is unsafe.\nAda Okafor runs the harbour at Tema.",
    ],
)
def test_no_headline_attribution_without_a_known_person(text: str) -> None:
    assert _claims(text) == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("One in four anglers said the season was too short.", "One in four anglers"),
        (
            "One in four anglers in a new survey said the season was too short.",
            "One in four anglers in a new survey",
        ),
        ("About one in three anglers say the season is too short.", "About one in three anglers"),
    ],
)
def test_a_proportion_as_subject(text: str, speaker: str) -> None:
    claim = _one(text)
    assert (claim.speaker.name, claim.speaker.kind) == (speaker, SpeakerKind.GROUP)


def test_an_inverted_speaker_after_a_report_with_a_while_clause() -> None:
    claim = _one(
        "Some repairs are hard to cost, while others are not urgent at all, "
        "said Grant Moss, a harbour engineer."
    )
    assert (claim.speaker.name, claim.cue) == ("Grant Moss", "said")


def test_a_clause_without_that_may_open_with_a_code_name() -> None:
    claim = _one("Halvorsen writes K9 Freight works with two other ports.")
    assert claim.speaker.name == "Halvorsen"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Michael Okafor met Susan Adeyemi at the port. She said the quay was unsafe.", "Susan Adeyemi"),
        ("Susan Adeyemi met Michael Okafor at the port. He said the quay was unsafe.", "Michael Okafor"),
    ],
)
def test_a_pronoun_agrees_with_a_given_name(text: str, speaker: str) -> None:
    assert _one(text).speaker.name == speaker


def test_a_pronoun_inside_a_quotation_is_no_name() -> None:
    text = "Carl Tobias said the court was busy. “She should do what she wants,” he said."
    assert [c.speaker.name for c in _claims(text)] == ["Carl Tobias", "Carl Tobias"]


def test_a_given_name_does_not_override_the_last_speaker() -> None:
    text = (
        "“There is one science,” Ban Ki-moon said.\n"
        "Asked whether Donald Pell could win, Ban demurred.\n"
        "“There is no ideology here,” he said."
    )
    assert [c.speaker.name for c in _claims(text)] == ["Ban Ki-moon", "Ban Ki-moon"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor likened the toll to a tax on work.", "likened"),
        ("The ministry echoes the concern in a statement.", "echoes"),
        ("The newspaper even queried whether the toll was legal.", "even queried"),
        ("The senator is disavowing the advertisement.", "is disavowing"),
        ("The governor assailed the plan as reckless.", "assailed"),
    ],
)
def test_more_speech_act_verbs(text: str, cue: str) -> None:
    assert _one(text).cue == cue


def test_a_sound_that_echoes_is_no_claim() -> None:
    assert _claims("The sound echoed across the valley.") == ()


def test_a_document_participle_is_a_reduced_relative() -> None:
    found = _claims("Text messages found on the pilot's phone suggested that the crew planned ahead.")
    assert all(c.cue != "found" for c in found)
    claim = _one("The poll found in March that most anglers backed the plan.")
    assert (claim.speaker.name, claim.cue) == ("The poll", "found")


def test_nobody_is_no_speaker() -> None:
    assert _claims("Nobody opposed the harbour plan at the vote.") == ()


def test_who_issues_a_document_with_a_relative_clause() -> None:
    claim = _one("The senator is releasing a new ad that urges anglers to vote.")
    assert (claim.speaker.name, claim.cue) == ("The senator", "urges")
