"""Verb reporting constructions inside one sentence: which cue, which holder.

Each finder reads the tokens of one sentence around one cue hit and returns a
:class:`~sinoru_corpus.claims._sentence.Candidate` (holder + cue span + where the
reported content lies) or nothing.  Constructions: subject + reporting verb
(with auxiliaries, adverbs, parenthetical commas, catenatives such as "seeks to
portray", relative "who"/"which"/"what", "as X has noted"); inverted "…,
suggests an expert"; passives with a "by" agent or an "In Moscow, … is seen as"
frame; causatives ("leading experts to believe").  The subjects themselves are
found by :mod:`sinoru_corpus.claims._subjects`.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from ..model import Institution, Region, SpeakerKind
from ._grammar import grammar_alternation, grammar_words
from ._lexicon import ClaimLexicon, VerbCue
from ._sentence import (
    _CLAUSE_MARKS,
    _CLOSE_QUOTES,
    _OPENING,
    _PARTICIPLE_IRREGULAR,
    _VERB_PREPS,
    Candidate,
    SentenceView,
    _is_adverb,
    _low,
)
from ._speakers import Holder, classify, is_head, np_left, possessive_base
from ._subjects import (
    _agent,
    _clause_subject,
    _in_frame,
    _postmodified_subject,
    _segment_start,
    absolute_subject,
    first_conjunct,
    left_subject,
    open_subject,
    right_holder,
)

__all__ = ["possessor", "verb_candidate"]


@functools.cache
def _clause_end_re() -> re.Pattern[str]:
    return re.compile(r";|,\s+(?:" + grammar_alternation("clause_break_conjunctions") + r")\b")


def _content_after(sv: SentenceView, pos: int) -> tuple[int, int]:
    ends = sv.clause_ends(_clause_end_re())
    k = bisect.bisect_left(ends, pos)
    return pos, (ends[k] if k < len(ends) else sv.end)


@functools.cache
def _that_re() -> re.Pattern[str]:
    return re.compile(r",?\s*that\b")


@functools.cache
def _intro_colon_re() -> re.Pattern[str]:
    # the cue, then at most a short occasion before the colon: "said:", "summed up the mood in a comment:"
    return re.compile(r"(?:\s+[^\s:;,.“”\"«»„`]{1,30}){0,8}?\s*:\s*")


def _cue_end_with_that(sv: SentenceView, end: int) -> int:
    m = _that_re().match(sv.text, end, sv.end)
    return m.end() if m else end


_QUESTION_AUX = grammar_words("question_auxiliaries")
_REPORT_BREAKS = frozenset({",", ";", ":", "—", "–", "(", *_CLOSE_QUOTES})  # "…, experts believe."
_MODALS = grammar_words("modals")  # "will", "would", "could": a forecast, not a report
_FINITE_AUX = grammar_words("finite_auxiliaries")


def _next_char(sv: SentenceView, pos: int) -> str:
    """The first non-space character at or after ``pos`` in the sentence ("" at its end)."""
    j = sv.covering(pos)
    if j < len(sv.toks) and sv.toks[j][0] < pos:
        j += 1
    return sv.toks[j][2][:1] if j < len(sv.toks) else ""


_CLAUSE_LEADS = frozenset({",", ";", ":"}) | grammar_words("clause_lead_words")
_NOUN_LINKS = grammar_words("noun_links")


def _quantity_subject(sv: SentenceView, i: int) -> bool:
    """A quantifier alone as the subject of a plural verb: "Some believe …", "…, but few think …".

    The quantifier opens its clause, the verb has no -s (``some claims`` is a noun phrase) and no
    preposition or copula follows it (``some support for``, ``many doubts are``).
    """
    toks, lex = sv.toks, sv.lex
    q = _low(toks[i - 1])
    if q not in lex.quantifiers or _low(toks[i]).endswith("s"):
        return False
    if i + 1 < len(toks) and _low(toks[i + 1]) in _NOUN_LINKS:
        return False
    if i >= 2 and _low(toks[i - 2]) not in _CLAUSE_LEADS:
        # after a noun only with a clause of its own: "a plan some believe she could repeat"
        return i + 1 < len(toks) and (_low(toks[i + 1]) == "that" or _bare_clause(sv, toks[i][1]))
    return True


# determiners that may stand before a verb ("only a few analysts said", "both said")
_FOCUS_DETERMINERS = grammar_words("focus_determiners")


def _named_body(sv: SentenceView, k: int) -> bool:
    """Whether ``toks[k]`` is the whole mention of a state or body: "The Kremlin argues", "The US insists"."""
    start, end = sv.toks[k][0], sv.toks[k][1]
    return any(
        m.start == start and m.end == end and isinstance(m.entity, (Region, Institution))
        for m in sv.index.within(start, end)
    )


def _after_modal(sv: SentenceView, i: int) -> bool:
    """Whether the verb ``toks[i]`` follows a modal (an adverb between): "Russia would respond." is a
    forecast, not a report, so a clause-final cue after a modal still needs its complement."""
    k = i - 1
    if k >= 1 and _is_adverb(sv.toks[k][2], sv.lex):
        k -= 1
    return k >= 0 and _low(sv.toks[k]) in _MODALS


def _has_word(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def verb_candidate(sv: SentenceView, i: int, cue: VerbCue) -> Candidate | None:
    """Subject + reporting verb ``toks[i]`` (any of the verb constructions)."""
    toks, text, lex = sv.toks, sv.text, sv.lex
    word = toks[i][2]
    low = word.casefold()
    if i >= 1:
        prev = toks[i - 1][2]
        base = possessive_base(prev)
        if (
            _low(toks[i - 1]) in lex.determiners
            and _low(toks[i - 1]) not in _FOCUS_DETERMINERS
            and not _quantity_subject(sv, i)
        ) or (base is not None and base.casefold() not in lex.pronouns):
            return None  # a noun: "the claim", "Russia’s support" (but "he’s pointing out")
        if prev in lex.demonyms and low.endswith("s") and not _named_body(sv, i - 1):
            return None  # a plural noun after a demonym: "the former Soviet states"
        if _low(toks[i - 1]) == "of":
            return None  # a noun after "of": "secretary of state"
        if low.endswith("s") and prev.islower() and prev.endswith("ed") and prev.casefold() in lex.verbs:
            return None  # the object of a reporting verb: "denied reports that", "dismissed claims"
        if word[:1].isupper() and prev[:1].isupper() and sv.prose:
            return None  # part of a name in running prose: "the United States"
        if (
            word[:1].isupper()
            and sv.prose
            and prev not in _OPENING
            and prev not in {":", "—", "–", "("}
            and i + 1 < len(toks)
            and toks[i + 1][2][:1].isupper()
        ):
            return None  # a title before a name in running prose: "…, but Judge Okafor is …"
    if low.startswith("think") and i + 1 < len(toks) and _low(toks[i + 1]).startswith("tank"):
        return None
    if (
        1 <= i < len(toks) - 1
        and not low.endswith(("s", "ed", "ing"))
        and low not in _PARTICIPLE_IRREGULAR
        and toks[i - 1][2][:1].isupper()
        and _low(toks[i - 1]) not in lex.pronouns
        and (_low(toks[i + 1]) in _MODALS or _low(toks[i + 1]) in _FINITE_AUX)
    ):
        # a base form after a singular name, before a verb, is a compound noun: "Fetch API support
        # can be detected", "the Treasury note has risen" (but "what they say is", "which
        # lawmakers allege is" report)
        return None
    if i == 0 and len(toks) > 1 and _low(toks[1]) in lex.prepositions and not low.endswith("ing"):
        return None  # a noun opening the sentence: "Talk of a rivalry is overblown."
    if toks[-1][2] == "?" and _low(toks[0]) in _QUESTION_AUX:
        return None  # the article asks, nobody claims: "Does Beijing really see Moscow as an equal?"
    cue_end = toks[i][1]
    if cue.rest is not None:
        m = cue.rest.match(text, cue_end, sv.end)
        if m is None:
            return None
        cue_end = m.end()
    if cue.refuse is not None and cue.refuse.match(text, cue_end, sv.end):
        return None  # "The numbers tell a mixed story": no report
    left = left_subject(sv, i)
    holder, mode = left.holder, left.mode
    if holder is None and mode == "none" and (cue.open or cue.documents_only) and not low.endswith("ing"):
        holder = open_subject(sv, left.at)
        if holder is not None:
            mode = "normal"
    elif holder is None and mode == "none" and not low.endswith("ing") and left.at >= 0:
        # any cue takes a document or poll as subject: "Messages found on his phone suggested …"
        doc = open_subject(sv, left.at)
        if doc is not None and _document(sv, doc, "normal"):
            holder, mode = attrs.evolve(doc, kind=SpeakerKind.INSTITUTION), "normal"
        elif doc is not None and _holder_headed(sv, doc):
            # "few on both sides of the strait expect …": a quantity or holder noun with its post-modifier
            holder, mode = doc, "normal"
    if (
        holder is not None
        and mode == "normal"
        and not low.endswith("ing")
        and not _document(sv, holder, mode)
        and sv.covering(holder.start) >= 1
        and _low(toks[sv.covering(holder.start) - 1]) in lex.connectors | lex.prepositions
    ):
        # "…, customs records gathered by the Harbour Office show": the name ends the
        # document's reduced relative; the document is the subject
        doc = open_subject(sv, sv.covering(holder.end - 1))
        if doc is not None and doc.start < holder.start and _document(sv, doc, "normal"):
            holder = attrs.evolve(doc, kind=SpeakerKind.INSTITUTION)
    if cue.documents_only and not _document(sv, holder, mode):
        return None
    if cue.documents_only and _reduced_relative(sv, i):
        return None  # "Text messages found on his phone suggested": the participle modifies the subject
    if (
        holder is not None
        and (low.endswith("ing") or mode == "relative")
        and not cue.documents_only
        and _document(sv, holder, mode)
    ):
        # "Her campaign released a statement saying …": who issued the document speaks
        h = sv.covering(holder.start)
        issuer = _clause_subject(sv, h - 1, open_np=True) if h >= 2 and toks[h - 1][2].islower() else None
        if issuer is not None and issuer.end <= toks[h - 1][0] and not _document(sv, issuer, "normal"):
            holder = issuer
    if cue.quote_only and not _next_to_quote(sv, holder, cue_end):
        return None
    nxt = _next_char(sv, cue_end)
    clause_final = not nxt or nxt in {",", ".", ";", ":", "”", '"', ")", "'", "»"}
    trailing = cue.open and holder is not None and mode == "normal" and _trailing(sv, holder, i)
    if (
        cue.needs is not None
        and not (mode == "passive" and _agent(sv, i + 1) is not None)  # "was confirmed as … by X"
        and (mode not in {"as", "what", "inversion"} or (mode == "as" and not _as_clause_closes(sv, cue_end)))
        and not (clause_final and holder and not (nxt in {".", ",", ";"} and _after_modal(sv, i)))
        and not trailing
    ):
        m2 = cue.needs.match(text, cue_end, sv.end)
        if m2 is None and not (
            cue.bare_clause and (_bare_clause(sv, cue_end) or _object_and_clause(sv, cue_end))
        ):
            return None
        if m2 is None:
            pass  # a complement clause without "that": "Lund writes the firm works …"
        elif (
            m2.group().strip()[-1:].isalpha()
            and not (m2.groupdict().get("gap"))
            and m2.group().split()[-1].casefold() not in _POSSESSIVES
        ):
            cue_end = m2.end()
    participle = low.endswith(("ed", "en")) or low in _PARTICIPLE_IRREGULAR
    if (
        participle
        and mode != "passive"
        and not cue.documents_only
        and not cue.quote_only
        and i >= 1
        and i + 2 < len(toks)
        and _low(toks[i + 1]) == "by"
        and (toks[i - 1][2] == "," or (toks[i - 1][2].islower() and _low(toks[i - 1]) not in lex.auxiliaries))
        and not _finite_before(sv, i)
    ):
        # a reduced passive with its agent: "a demand echoed by Mongolia on Tuesday", "as defined by X"
        agent = _agent(sv, i + 1)
        if agent is not None and agent.kind is not None and agent.start == toks[i + 2][0]:
            last = sv.covering(agent.end - 1)
            for j in range(i + 3, last + 1):
                low_j = _low(toks[j])
                if toks[j][2].islower() and (low_j.endswith("ed") or low_j in lex.auxiliaries):
                    # "a bill supported by most Democrats passed the House": the agent ends before the verb
                    cut = classify(toks, i + 2, j - 1, sv.index, lex)
                    if cut is None or cut.kind is None:
                        return None
                    agent = cut
                    break
            return Candidate(agent, toks[i][0], toks[i + 1][1], sv.start, sv.end)
    if mode == "passive":
        if not participle:
            return None
        else:
            agent = _agent(sv, i + 1)
            holder = agent or (_in_frame(sv) if low in lex.passive_perception else None)
            if holder is None:
                return None
            return Candidate(holder, toks[i][0], cue_end, *_content_after(sv, cue_end))
    manner = i >= 3 and _low(toks[i - 1]) in _MANNER_PREPS
    if holder is None and mode == "none" and low.endswith("ing") and manner:
        # "Okafor has rallied dockers by promising to …": the main clause's subject speaks
        # (a holder: a name, a pronoun or a holder noun; "The tide was held back by saying" is none)
        holder = _clause_subject(sv, i - 2)
        if holder is None:
            # an ordinary holder noun before the clause's verb group: "candidates were able to … by saying"
            wide = _clause_subject(sv, i - 2, open_np=True)
            if (
                wide is not None
                and _low(sv.toks[sv.covering(wide.end - 1)]) in lex.group_nouns | lex.person_nouns
            ):
                holder = wide
        if holder is None or (holder.kind is None and holder.pronoun not in _PERSONAL_PRONOUNS):
            return None
        return Candidate(
            holder, toks[i - 1][0], _cue_end_with_that(sv, cue_end), *_content_after(sv, cue_end)
        )
    if (
        holder is None
        and mode == "none"
        and low.endswith("ing")
        and i >= 1
        and _low(toks[i - 1]) not in _VERB_PREPS
    ):
        mode = "clause"
    if holder is None and mode in {"none", "inversion"} and not low.endswith("ing"):
        holder = _postmodified_subject(sv, i)
        if holder is None and left.at >= 0 and left.at + 2 < i and sv.toks[left.at + 1][2] == ",":
            # "The trade group for the ferry lines, which serve …, spelled out": past the aside
            holder = _postmodified_subject(sv, left.at + 1)
        if holder is not None:
            cue_start = left.vg_start
            end_that = _cue_end_with_that(sv, cue_end)
            return Candidate(holder, cue_start, end_that, *_content_after(sv, end_that))
    if holder is None and mode == "clause" and low.endswith("ing"):
        # "…, with officials underlining X and vowing to …", "including an adviser to X acknowledging"
        holder = absolute_subject(sv, i)
    if holder is None and mode == "clause":
        holder = _clause_subject(sv, i)
        if holder is None and i >= 3 and _low(toks[i - 1]) in _COORDINATORS:
            # "Varga spoke of …, and said …": the first conjunct's subject
            j = i - 3 if toks[i - 2][2] == "," else i - 2
            holder = _clause_subject(sv, j, open_np=True)
            if holder is not None and holder.kind is None and holder.pronoun not in _PERSONAL_PRONOUNS:
                holder = None
        p = first_conjunct(sv, i) if holder is None and low.endswith("ing") else -1
        if p >= 2 and toks[p - 1][2] == ",":
            # "X has promoted …, advising graduates to … and telling them …": the main clause's subject
            holder = _clause_subject(sv, p - 2, open_np=True)
            if holder is not None and holder.kind is None and holder.pronoun not in _PERSONAL_PRONOUNS:
                holder = None
        if holder is None and i >= 2 and toks[i - 1][2] == "," and low.endswith("ing"):
            # "On Monday, she widened her calls …, warning": the main clause's subject
            holder = _clause_subject(sv, i - 2, open_np=True)
            if holder is not None and holder.kind is None and holder.pronoun not in _PERSONAL_PRONOUNS:
                holder = None
        if holder is None:
            return None
        return Candidate(holder, toks[i][0], _cue_end_with_that(sv, cue_end), *_content_after(sv, cue_end))
    if (
        holder is None
        and mode == "inversion"
        and i >= 3
        and _low(toks[i - 1]) == "having"
        and toks[i - 2][2] == ","
    ):
        # "Okafor misread the pilot, having called the man …": the perfect participle's subject
        holder = _clause_subject(sv, i - 3, open_np=True)
        if holder is None or (holder.kind is None and holder.pronoun not in _PERSONAL_PRONOUNS):
            return None
        return Candidate(holder, toks[i - 1][0], cue_end, *_content_after(sv, cue_end))
    comma = i - 2 if i >= 3 and toks[i - 1][2] in _CLOSE_QUOTES and toks[i - 2][2] == "," else i - 1
    if (
        holder is None
        and mode == "inversion"
        and low.endswith("ing")
        and comma >= 1
        and toks[comma][2] == ","
    ):
        # "Overchuk struck a practical note, telling the audience:": the main clause's subject
        holder = _clause_subject(sv, comma - 1, open_np=True)
        if holder is None or (holder.kind is None and holder.pronoun not in _PERSONAL_PRONOUNS):
            return None
        left = attrs.evolve(left, vg_start=toks[i][0])
    if holder is None and mode == "inversion" and not low.endswith("ing"):
        if i >= 1 and _low(toks[i - 1]) == "to":
            return None  # an infinitive takes no inverted subject: "“Spanish” is used to describe people"
        if i == 0 and word[:1].isupper() and sv.prose and not _low(toks[i]).endswith("d"):
            return None  # "State records show …": a capitalised noun opening the sentence, no inversion
        holder = right_holder(sv, i + 1)
        if holder is None or holder.kind is None:
            return None
        if possessive_base(toks[sv.covering(holder.end - 1)][2]) is not None:
            return None  # "… first pointed out Mr. Lund's interest": a possessor, no inverted subject
        return Candidate(holder, toks[i][0], toks[i][1], sv.start, toks[i][0])
    if holder is None:
        return None
    cue_start = min(left.vg_start, toks[i][0])
    end_that = _cue_end_with_that(sv, cue_end)
    intro = _intro_colon_re().fullmatch(text, end_that, sv.end) is not None
    if (
        clause_final
        and not intro
        and (toks[-1][0] - toks[i][1]) < 3
        and not _has_word(text, sv.start, holder.start)
    ):
        if not (cue.open and _follows_quote(sv)):
            return None  # nothing reported: "The ministry declined to comment."
        # "“Get out!” Bush said.": the quotation just before is what the speaker said
        return Candidate(holder, cue_start, end_that, sv.start, sv.start, quoted_term=True)
    h = sv.covering(holder.start)
    if clause_final and not intro and toks[i][0] > holder.start and i > 0 and (toks[-1][0] - toks[i][1]) < 3:
        if (
            mode == "normal"
            and 0 < h < i
            and not any(t[2] in _REPORT_BREAKS for t in toks[max(0, h - 5) : h])
        ):
            # "… that the cooperation follows market rules.": a closing report follows a break
            # ("…, experts believe.", "…, the news site Nordlys reported.")
            return None
        return Candidate(holder, cue_start, end_that, sv.start, holder.start, mode == "what", intro)
    before_holder = toks[h - 1][2] if 0 < h < i else ""
    if before_holder == "," and h > 1:
        before_holder = toks[h - 2][2]
    if before_holder in _CLOSE_QUOTES or trailing:
        # "“…,” Pavel Sorokin told reporters after the talks.": the quotation before the speaker
        own_quote = holder.start == sv.start and _follows_quote(sv)
        return Candidate(
            holder, cue_start, end_that, sv.start, holder.start, mode == "what" or own_quote, intro
        )
    return Candidate(holder, cue_start, end_that, *_content_after(sv, end_that), mode == "what", intro)


_MANNER_PREPS = grammar_words(
    "manner_prepositions"
)  # "… by saying", "… while insisting": the subject's own act
_PLACE_LINKS = grammar_words("place_links")


def _reduced_relative(sv: SentenceView, i: int) -> bool:
    """A participle ``toks[i]`` followed by a place or agent and no clause: "texts found on a phone"."""
    toks = sv.toks
    if (
        i + 1 >= len(toks)
        or _low(toks[i + 1]) not in _PLACE_LINKS
        or not _low(toks[i]).endswith(("ed", "nd", "wn"))
    ):
        return False
    for t in toks[i + 2 : i + 10]:
        low = _low(t)
        if low == "that":
            return False  # "the poll found in March that …"
        if t[2].islower() and _finite(low, sv.lex):
            return True  # "… on his phone suggested": the clause's own verb follows
    return True


_POSSESSIVES = grammar_words(
    "possessive_determiners"
)  # an object, not part of the cue: "explaining his plan"
_POSSESSOR_DETERMINERS = grammar_words("possessor_determiners")  # "the campaign’s"
_BARE_NP = 5  # words of the subject of a complement clause without "that"
_BARE_OPENERS = grammar_words("bare_clause_openers")


def _bare_clause(sv: SentenceView, pos: int) -> bool:
    """Whether a clause without "that" follows ``pos``: a short noun phrase and a finite verb.

    "writes the firm works with …", "reported the group has been …", "claims his boss is …": the
    noun phrase opens with a determiner, a possessive pronoun or a capitalised word, its words are
    no stop words, and the next word is an auxiliary or a verb in -s / -ed.
    """
    toks, lex = sv.toks, sv.lex
    j = sv.covering(pos)
    if j < len(toks) and toks[j][0] < pos:
        j += 1
    if j >= len(toks):
        return False
    first = toks[j][2]
    low0 = first.casefold()
    nxt = _low(toks[j + 1]) if j + 1 < len(toks) else ""
    if low0 in _BARE_SUBJECTS:
        # "thought she was …", "claim he assaulted …", "agreed there are …": a subject pronoun
        # (or existential "there") and a finite verb; "he’d", "they’re" carry their auxiliary
        if low0 == "there":
            return nxt.replace("’", "'").removesuffix("n't") in _BARE_THERE  # "there wasn't"
        if _contracted_subject(first):
            return True
        nxt = nxt.replace("’", "'").removesuffix("n't")  # "she wasn't"
        if low0 in _PLURAL_SUBJECTS and nxt.isalpha() and _open_verb(nxt, lex):
            return True  # a plural subject takes the base form: "think they know"
        return _finite(nxt, lex) and nxt not in lex.adverbs
    if _contracted_subject(first):
        return True
    if first in lex.titles and first[:1].isupper() and j + 2 < len(toks) and toks[j + 1][2][:1].isupper():
        return _finite(_low(toks[j + 2]), lex)  # "fear Mr. Berg would pick …"
    if (
        first.isalpha()
        and first.islower()
        and low0 not in lex.stop_words
        and low0 not in lex.prepositions
        and low0 not in lex.adverbs
        and nxt in lex.auxiliaries
        and nxt in _BARE_AUX
    ):
        return True  # a bare noun and an auxiliary: "implied fishermen were …", "thought repair was …"
    if not (low0 in _BARE_OPENERS or (first[:1].isupper() and first.replace("-", "").isalnum())):
        return False
    for k in range(j + 1, min(len(toks), j + 1 + _BARE_NP)):
        word = toks[k][2]
        low = word.casefold()
        if k > j + 1 and _finite(low, lex) and toks[k - 1][2].casefold() not in _BARE_OPENERS:
            # a participle with an agent is a reduced relative: "wrote the bill passed by …"
            return not (low.endswith("ed") and k + 1 < len(toks) and _low(toks[k + 1]) == "by")
        if k == j + 1 and first[:1].isupper() and first.casefold() not in _BARE_OPENERS and _finite(low, lex):
            return True  # "reported Moscow has …"
        if not word.replace("-", "").replace("’", "").replace("'", "").isalpha():
            return False
        if low in lex.stop_words or low in lex.prepositions or low in lex.auxiliaries or low in lex.adverbs:
            return False
    return False


_BARE_SUBJECTS = grammar_words("bare_subjects")
_BARE_THERE = grammar_words("there_verbs")
# finite auxiliaries after a bare noun subject (no "has"/"have": "saw families have fun")
_BARE_AUX = grammar_words("bare_noun_auxiliaries")


_OBJECT_PRONOUNS = grammar_words("object_pronouns")


def _object_and_clause(sv: SentenceView, pos: int) -> bool:
    """An object, then a clause opened by a subject pronoun: "assured voters he’d …", "warned them they …".

    The object is an object pronoun, a plural noun or a capitalised name of at most three words.
    """
    toks, lex = sv.toks, sv.lex
    j = sv.covering(pos)
    if j < len(toks) and toks[j][0] < pos:
        j += 1
    if j >= len(toks):
        return False
    word = toks[j][2]
    low = word.casefold()
    plural = word.islower() and low.endswith("s") and low.isalpha() and not _open_verb_blocked(low, lex)
    if low in _OBJECT_PRONOUNS or plural:
        k = j + 1
    elif word[:1].isupper() and word.isalpha() and low not in lex.stop_words:
        k = j + 1
        while k < len(toks) and k < j + 3 and toks[k][2][:1].isupper() and toks[k][2].isalpha():
            k += 1
    else:
        return False
    if k >= len(toks):
        return False
    nxt = toks[k][2]
    subject = nxt.casefold() in _CONTRACTING_SUBJECTS or _contracted_subject(nxt)
    return subject and _bare_clause(sv, toks[k][0])


def _open_verb_blocked(low: str, lex: ClaimLexicon) -> bool:
    return low in lex.stop_words or low in lex.prepositions or low in lex.adverbs or low in lex.auxiliaries


def _open_verb(low: str, lex: ClaimLexicon) -> bool:
    """A word that can be a verb after a subject pronoun (no function word, preposition or adverb)."""
    return not (_open_verb_blocked(low, lex) and low not in lex.auxiliaries) and low not in lex.determiners


_CONTRACTIONS = grammar_words("contraction_tails")
_CONTRACTING_SUBJECTS = grammar_words("contracting_subjects")  # "he’d", "we’ll" (not "it’s", "there’s")
_PERSONAL_PRONOUNS = grammar_words("personal_pronouns")  # a pronoun holder that may stand alone
_PLURAL_SUBJECTS = grammar_words("plural_subject_pronouns")
_NON_FINITE_AUX = grammar_words("non_finite_auxiliaries")
_COORDINATORS = grammar_words("coordinators")


def _contracted_subject(word: str) -> bool:
    """A subject pronoun with its auxiliary: "he’d", "she’s", "they’re", "we’ll"."""
    low = word.casefold().replace("’", "'")
    head, sep, tail = low.partition("'")
    return bool(sep) and head in _CONTRACTING_SUBJECTS and tail in _CONTRACTIONS


def _finite(low: str, lex: ClaimLexicon) -> bool:
    """A finite verb opening a clause: an auxiliary (*is*, *has*, *would*) or a verb in -s / -ed."""
    if low in lex.auxiliaries:
        return low not in _NON_FINITE_AUX and low[:1].isalpha()
    if not low.isalpha() or low in lex.stop_words or low in lex.prepositions or low in lex.adverbs:
        return False
    return (low.endswith("s") and not low.endswith(("ss", "us", "is"))) or low.endswith("ed")


_TRAILING_TOKENS = 10  # "…, a spokesman told the local newspaper on Monday."


def _trailing(sv: SentenceView, holder: Holder, i: int) -> bool:
    """Whether subject + verb ``toks[i]`` trail a quotation or a fronted report.

    The subject follows a comma or a closing quotation mark, and what follows the verb up to the
    sentence end is short and holds no clause of its own: an object, an outlet, a time.
    """
    toks = sv.toks
    h = _segment_start(toks, sv.covering(holder.start) + 1)
    if h == 0 and _follows_quote(sv):
        pass  # "“…!” Varga added during her visit to the studio.": the quotation just before
    elif h <= 0 or not (toks[h - 1][2] == "," or toks[h - 1][2] in _CLOSE_QUOTES):
        return False
    if len(toks) - i - 1 > _TRAILING_TOKENS + 1:
        return False
    rest = toks[i + 1 :]
    if rest and rest[-1][2] in {".", "!", "?"}:
        rest = rest[:-1]
    if len(rest) > _TRAILING_TOKENS:
        return False
    return not any(t[2] in _CLAUSE_MARKS or t[2].casefold() == "that" for t in rest)


_AS_CLAUSE_TOKENS = 8  # "As X put it in a recent column, …"


def _as_clause_closes(sv: SentenceView, pos: int) -> bool:
    """Whether an "as X noted" clause ends with a comma soon after its cue (no object of its own)."""
    toks = sv.toks
    j = sv.covering(pos)
    if j < len(toks) and toks[j][0] < pos:
        j += 1
    for k in range(j, min(len(toks), j + _AS_CLAUSE_TOKENS)):
        if toks[k][2] in {",", ".", ";", ":", "—", "–"}:
            return True
    return j >= len(toks)


_QUOTE_REACH = 8  # tokens between a closing quotation mark and the subject: "“…,” X said, and Y cut in."


def _next_to_quote(sv: SentenceView, holder: Holder | None, cue_end: int) -> bool:
    """Whether a quotation closes right before the subject or opens right after the cue."""
    if holder is None:
        return False
    toks = sv.toks
    h = sv.covering(holder.start)
    before = [t[2] for t in toks[max(0, h - _QUOTE_REACH) : h]]
    if any(b in _CLOSE_QUOTES for b in before) or (h == 0 and _follows_quote(sv)):
        return True
    j = sv.covering(cue_end)
    if j < len(toks) and toks[j][0] < cue_end:
        j += 1
    after = [t[2] for t in toks[j : j + 2]]
    return bool(after) and (after[0] == ":" or any(a in _OPENING for a in after))


def _follows_quote(sv: SentenceView) -> bool:
    """Whether the sentence comes right after a closing quotation mark (its own quotation)."""
    before = sv.text[max(0, sv.start - 4) : sv.start].rstrip()
    return before.endswith(("”", '"', "''", "»"))


def _document(sv: SentenceView, holder: Holder | None, mode: str) -> bool:
    """Whether a "show"/"find" verb has a document or poll as its subject ("the poll shows")."""
    if holder is None or mode not in {"normal", "relative"}:
        return False
    first, last = sv.covering(holder.start), sv.covering(holder.end - 1)
    # the head, or the head before a post-modifier: "Exit polls from the primary showed"
    return any(
        (sv.toks[j][2].islower() or j == 0) and sv.toks[j][2].casefold() in sv.lex.document_nouns
        for j in range(first, last + 1)
    )


def _finite_before(sv: SentenceView, i: int) -> bool:
    """Whether ``toks[i]`` is its clause's own verb: a pronoun or a name stands right before it."""
    prev = sv.toks[i - 1][2]
    return prev.casefold() in sv.lex.pronouns or (prev[:1].isupper() and prev != ",")


def _holder_headed(sv: SentenceView, holder: Holder) -> bool:
    """Whether a post-modified subject's head (before its first preposition) is a quantity or holder noun."""
    lex = sv.lex
    first, last = sv.covering(holder.start), sv.covering(holder.end - 1)
    for j in range(first, last + 1):
        low = _low(sv.toks[j])
        if low in lex.prepositions or low in lex.connectors:
            return j > first and (
                _low(sv.toks[j - 1]) in lex.quantifiers
                or (
                    sv.toks[j - 1][2].islower() and _low(sv.toks[j - 1]) in lex.group_nouns | lex.person_nouns
                )
            )
    return False


def possessor(sv: SentenceView, k: int) -> Holder | None:
    """The holder named by the possessive token ``toks[k]`` (with its premodifiers)."""
    toks = sv.toks
    base = possessive_base(toks[k][2])
    if base is None:
        return None
    if not base[:1].isupper() and not (
        k >= 1 and _low(toks[k - 1]) in _POSSESSOR_DETERMINERS and is_head(base, sv.lex)
    ):
        return None  # a lowercase possessor is a holder noun after an article: "the judges’ statement"
    s = toks[k][0]
    patched = [*toks[:k], (s, s + len(base), base)]
    a = np_left(patched, k, 0, sv.lex)
    if a is None:
        return None
    return classify(patched, a, k, sv.index, sv.lex)
