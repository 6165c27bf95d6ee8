"""Subjects of reporting verbs: who stands left (or right) of a cue inside one sentence.

:func:`left_subject` walks left from the verb over auxiliaries, adverbs,
catenatives ("seeks to portray") and parenthetical asides ("Gabuev, writing for
ECFR, argues") to the subject noun phrase, and tells the verb finder which mode
the construction is in (relative "who"/"which"/"what", "as X has noted",
inversion, passive).  :func:`right_holder` reads a holder phrase that follows
its cue ("…, suggests an expert from FPRI", "According to X").  The remaining
helpers find clause subjects, passive agents and "In Moscow, …" frames.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model import Institution, Person, SpeakerKind
from ._grammar import grammar_list, grammar_words
from ._lexicon import ClaimLexicon
from ._sentence import _BE, _CLOSE_QUOTES, _OPENING, _PARTICIPLE_IRREGULAR, SentenceView, _is_adverb, _low
from ._speakers import QUOTE_MARKS, Holder, Token, classify, is_head, np_left, np_right, possessive_base

__all__ = ["absolute_subject", "first_conjunct", "left_subject", "open_subject", "right_holder"]

_APPOSITIVE_TOKENS = 8
_ADDED_HOLDERS = 4  # ", and others,", ", and many in his party,"
_BRACKET_TOKENS = 6
_TIME_LEADS = grammar_words("time_leads")
_CLAUSE_TOKENS = 40  # bounded walks, so a long run-on sentence stays linear
_ROLE_LINKS = grammar_words("role_links")
_PLURAL_ENDINGS = grammar_list("plural_endings")  # "fishermen", "townspeople": plurals without -s
_ABSOLUTE_LEADS = grammar_words("absolute_leads")  # "with X saying …", "despite X insisting …"
_PRIVY = grammar_words("privy_adjectives")  # "people familiar with the talks"
_PRIVY_PREPS = grammar_words("privy_prepositions")
_SUBJECT_RELATIVES = grammar_words("subject_relatives")
_COORDINATORS = grammar_words("coordinators")
_EXAMPLE_LINKS = grammar_words("example_links")  # "candidates like A and B"
_LOCATION_LINKS = grammar_words("location_links")  # "analysts in Moscow"
_EFFORT_LINKS = grammar_words("effort_links")  # "efforts by X", "a campaign of X"
_NAME_CONTINUERS = grammar_words("name_continuers")
_NON_GROUP_PRONOUNS = grammar_words("non_group_pronouns")
_DETERMINER_EXCEPTIONS = grammar_words("determiner_exceptions")  # "only", "a lot": no subject's determiner
_DATE_LEADS = grammar_words("date_leads")
_APPROXIMATOR_EXCEPTIONS = grammar_words("approximator_exceptions")
_SUBORDINATORS = grammar_words("subordinators")
_CLAUSE_PREPOSITIONS = grammar_words("clause_prepositions")  # "after X said", "before Y claimed"
_OFFICE_MODIFIERS = grammar_words("office_modifiers")


@attrs.frozen
class _Left:
    holder: Holder | None
    vg_start: int  # first token of the verb group (auxiliaries, catenatives)
    mode: str  # normal | as | what | relative | inversion | passive | none
    be_adjacent: bool = False
    at: int = -1  # mode none: the last token of whatever stands left of the verb group


def _skip_verb_group(sv: SentenceView, i: int) -> tuple[int, int, bool, bool]:
    """Walk left from the cue verb over auxiliaries, adverbs and catenatives.

    Returns (index of the first token left of the group, index of the group's first token,
    whether the verb is directly preceded by a form of "be", whether a bare "to" stops it).
    """
    lex, toks, text = sv.lex, sv.toks, sv.text
    k = i - 1
    first = i
    be_adjacent = False
    only_adverbs = True
    while k >= 0:
        word = toks[k][2]
        low = word.casefold()
        window = max(sv.start, toks[k][1] - 80)
        mc = lex.catenative_end.search(text, window, toks[k][1]) if low in lex.catenative_last else None
        if mc is not None:
            j = sv.covering(mc.start())
            k, first, only_adverbs = j - 1, j, False
            continue
        if low in _BE and only_adverbs:
            be_adjacent = True
        if low in lex.auxiliaries or _is_adverb(word, lex):
            if low not in lex.adverbs and not _is_adverb(word, lex):
                only_adverbs = False
            k, first = k - 1, k
            continue
        if low in lex.time_words and k >= 1 and _low(toks[k - 1]) in _TIME_LEADS:
            # "The port authority on Monday urged", "Varga late Monday agreed": a time, not the subject
            k, first = k - 2, k - 1
            continue
        ma = lex.adverb_end.search(text, window, toks[k][1]) if low in lex.adverb_last else None
        if ma is not None and ma.start() < toks[k][0] + 1 and low not in {",", "."}:
            j = sv.covering(ma.start())
            if j < k:
                k, first = j - 1, j
                continue
        if low == "to":
            return k, first, be_adjacent, True
        break
    return k, first, be_adjacent, False


def _segment_start(toks: Sequence[Token], comma: int, limit: int = 36) -> int:
    """Index of the first token after the previous clause mark (or the sentence start)."""
    c = comma - 1
    while c >= 0 and comma - c <= limit:
        if toks[c][2] in {",", ";", "(", "–", "—"} or toks[c][2] in _OPENING:
            return c + 1
        c -= 1
    return 0 if c < 0 else -1


_TITLE_TOKENS = 6


def _quoted_title(sv: SentenceView, close: int) -> int:
    """The opening mark of a short quotation ending at ``toks[close]`` that follows a word, or -1.

    "author of ''The Art of War,''": a title inside a noun phrase, not a quotation before its speaker.
    """
    toks = sv.toks
    for o in range(close - 1, max(-1, close - _TITLE_TOKENS - 1), -1):
        if toks[o][2] in QUOTE_MARKS:
            before = toks[o - 1][2] if o >= 1 else ""
            return o if before[:1].isalnum() else -1
    return -1


def _parenthetical(sv: SentenceView, seg: int, comma: int) -> bool:
    """Whether ``toks[seg:comma]`` reads as an aside between commas, not the subject."""
    if seg < 0 or seg >= comma:
        return False
    toks, lex = sv.toks, sv.lex
    first = toks[seg][2]
    low = first.casefold()
    if (
        low in lex.parenthetical_starts
        or (possessive_base(low) or "") in lex.parenthetical_starts  # "who’s chairing the team"
        or (low.endswith(("ing", "ed")) and first.islower())
        or first[0].isdigit()
    ):
        return True
    if seg < 2 or toks[seg - 1][2] != ",":
        return False
    if not (toks[seg - 2][2][:1].isupper() or _holder_noun(_low(toks[seg - 2]), lex)):
        return False  # an appositive follows a name or a holder noun ("The newspaper, long a …,")
    if low in _COORDINATORS and comma - seg <= _ADDED_HOLDERS and is_head(toks[comma - 1][2], lex):
        return True  # "which Mr. Lund, and others, have likened to": holders added between commas
    if any(_low(toks[j]) in lex.auxiliaries for j in range(seg, comma)):
        return False  # a clause of its own ("…, son Omar had been travelling together, wrote X")
    # an appositive after a name: "Henry Kissinger, the patriarch of geopolitics, has"
    if low in lex.determiners or possessive_base(first):
        return True
    # a bare office after a name: "Yegor Tarasov, head of a traders’ association, said"
    # or a longer role: "Ida Lund, the mayor's deputy chief of staff for transport, said"
    for j in range(seg, min(comma, seg + _APPOSITIVE_TOKENS)):
        word = toks[j][2]
        low = word.casefold()
        if word.islower() and (low in lex.person_nouns or low in lex.group_nouns):
            return True
        if word.islower() and (low in lex.prepositions or low in lex.stop_words or low in lex.auxiliaries):
            if (
                low in lex.connectors
                and j > seg
                and toks[j - 1][2][:1].isupper()
                and toks[j + 1][2][:1].isupper()
            ):
                continue  # inside a name: "Friends of the Harbour’s executive director"
            # "Ida Lund, co-founder of the league, said": a role noun with its complement
            return j > seg and low in _ROLE_LINKS and toks[j - 1][2].islower()
    return False


def _after_preposition(sv: SentenceView, j: int) -> bool:
    """Whether the noun phrase ending at ``toks[j]`` is the object of a preposition ("a stay in Paris")."""
    a = np_left(sv.toks, j, 0, sv.lex)
    return a is not None and a >= 1 and _low(sv.toks[a - 1]) in sv.lex.prepositions


def left_subject(sv: SentenceView, i: int) -> _Left:
    """The holder to the left of the cue verb ``toks[i]`` (found once per token of the sentence)."""
    return sv.memo("left_subject", i, _left_subject)


def _left_subject(sv: SentenceView, i: int) -> _Left:
    toks, lex, index = sv.toks, sv.lex, sv.index
    k, first, be_adjacent, infinitive = _skip_verb_group(sv, i)
    vg = toks[first][0]
    verb = _low(toks[i])
    if be_adjacent and (verb.endswith(("ed", "en")) or verb in _PARTICIPLE_IRREGULAR):
        return _Left(None, vg, "passive", True)
    if infinitive:
        return _infinitive_subject(sv, k, vg)
    skips = 0
    while True:
        while k >= 0 and (_low(toks[k]) in lex.auxiliaries or _is_adverb(toks[k][2], lex)):
            k -= 1
        if k >= 2 and toks[k][2] == ")":
            # "Sen. Ada Corwin (R-Texas) told": a bracketed party label after the name
            o = k - 1
            while o > 0 and k - o < _BRACKET_TOKENS and toks[o][2] not in {"(", ")"}:
                o -= 1
            if toks[o][2] == "(" and o >= 1 and toks[o - 1][2][:1].isupper():
                k = o - 1
        if k < 0 or toks[k][2] not in {",", "–", "—"} or skips >= 3:
            break
        title = _quoted_title(sv, k - 1) if k >= 1 and toks[k - 1][2] in _CLOSE_QUOTES else -1
        if k >= 1 and toks[k - 1][2] in _CLOSE_QUOTES and title < 0:
            return _Left(None, vg, "inversion")
        # a short quoted title inside an appositive ("the station executive in charge of ''Morning Hour,''")
        seg = _segment_start(toks, title if title >= 0 else k)
        if seg == k - 1 and seg >= 3 and toks[seg - 1][2] == "," and toks[seg][2][:1].isupper():
            # "…, during a visit to Tulsa, Oklahoma, said": a place's state belongs to the aside
            aside = _segment_start(toks, seg - 1)
            if _parenthetical(sv, aside, seg - 1):
                seg = aside
        dash = toks[k][2] != "," and seg >= 1 and toks[seg - 1][2] == toks[k][2]
        if not dash and not _parenthetical(sv, seg, k):
            # "The first, the ‘marriage of convenience’ narrative, tends to": the segment is the subject
            a = np_left(toks, k - 1, max(seg, 0), lex) if seg >= 0 else None
            holder = classify(toks, a, k - 1, index, lex) if a is not None and a == seg else None
            if holder is not None and holder.kind is not None:
                return _Left(holder, vg, "normal")
            return _Left(None, vg, "inversion")
        k = seg - 2 if seg >= 1 and toks[seg - 1][2] in {",", "–", "—"} else seg - 1
        prev = _segment_start(toks, seg - 1) if seg >= 2 and toks[seg - 1][2] == "," else -1
        if (
            prev >= 2
            and _low(toks[prev]) not in lex.parenthetical_starts
            and _parenthetical(sv, prev, seg - 1)
            and not _after_preposition(sv, prev - 2)
        ):
            k = seg - 1  # a second appositive: "Greg Raiff, head of X, a charter broker, said"
        skips += 1
    if k < 0:
        return _Left(None, vg, "inversion")
    word = toks[k][2]
    if word in _CLOSE_QUOTES:
        title = _quoted_title(sv, k)
        seg = _segment_start(toks, title) if title >= 0 else -1
        if seg < 2 or toks[seg - 1][2] != "," or not _parenthetical(sv, seg, title):
            return _Left(None, vg, "inversion")
        # "Lena Quist, the editor in charge of ''Morning Hour,'' reminded": the aside ends in a title
        k = seg - 2
        word = toks[k][2]
    mode = "normal"
    if _low(toks[k]) in _SUBJECT_RELATIVES and k >= 1:
        mode = "relative"
        k -= 1
        while k >= 0 and toks[k][2] == "," and skips < 3:
            seg = _segment_start(toks, k)
            if seg < 0 or not _parenthetical(sv, seg, k):
                break
            k = seg - 1
            skips += 1
        if k >= 1 and toks[k][2] == ",":
            k -= 1  # "Varga, who once praised …": the antecedent stands before the comma
    privy = _privy_subject(sv, k)
    if privy is not None:
        return _Left(privy, vg, "normal")
    a = np_left(toks, k, 0, lex) if k >= 0 else None
    if (
        a is None
        and skips
        and word.casefold() not in _COORDINATORS
        and first >= 1
        and toks[first - 1][2] == ","
        and open_subject(sv, k) is None
    ):
        # "…, while others matter little to buyers, said Ivo Marsh": the skipped
        # segments were the report, not asides, and no subject stands before them
        return _Left(None, vg, "inversion")
    if a is None:
        return _Left(None, vg, "clause" if word.casefold() in _COORDINATORS else "none", at=k)
    before = _low(toks[a - 1]) if a >= 1 else ""
    if before in _LOCATION_LINKS and a >= 4 and _low(toks[a - 2]) == "and":
        # "officials in the Navy and at the Justice Ministry": two places of one group
        a2 = np_left(toks, a - 3, 0, lex)
        if (
            a2 is not None
            and a2 >= 2
            and _low(toks[a2 - 1]) in _LOCATION_LINKS
            and _low(toks[a2 - 2]) in lex.group_nouns
        ):
            a = a2
    if before in _LOCATION_LINKS and a >= 2 and _low(toks[a - 2]) in lex.group_nouns:
        # "Many in Moscow believe", "officials in Beijing say": the group is the holder
        g = np_left(toks, a - 2, 0, lex)
        if g is not None:
            g = _proportion_start(toks, g, lex)
            inner = classify(toks, a, k, index, lex)
            outer = classify(toks, g, a - 2, index, lex)
            if outer is not None and inner is not None:
                end = toks[k][1]
                country = outer.country or inner.country or (inner.country if inner.state else None)
                holder = attrs.evolve(outer, name=sv.text[outer.start : end], end=end, country=country)
                return _Left(holder, vg, "normal")
    if before in _EXAMPLE_LINKS and a >= 2 and _low(toks[a - 2]) in lex.group_nouns | lex.person_nouns:
        # "presidential candidates like A and B are vowing": the group with its examples
        g = np_left(toks, a - 2, 0, lex)
        outer = classify(toks, g, a - 2, index, lex) if g is not None else None
        if outer is not None and outer.kind is not None:
            end = toks[k][1]
            return _Left(attrs.evolve(outer, name=sv.text[outer.start : end], end=end), vg, "normal")
    if before in {"as"}:
        mode = "as"
    elif before in {"what", "which"}:
        mode = "what" if before == "what" else "relative"
    elif (
        before in lex.prepositions
        and before not in lex.stop_words
        and before not in _CLAUSE_PREPOSITIONS  # "after inspectors concluded that": a clause
        and mode != "relative"
        and not (before in _ABSOLUTE_LEADS and verb.endswith("ing"))  # "…, with officials vowing to"
    ):
        return _Left(None, vg, "none", at=k)  # ("after X claimed": a subordinator, not a preposition)
    holder = classify(toks, a, k, index, lex)
    if holder is None:
        return _Left(None, vg, "none", at=k if mode == "normal" else -1)
    if mode == "normal" and not holder.proper and holder.kind is not None and toks[k][2].islower():
        # a holder noun with modifiers the lexicon does not list: "a union official",
        # "the front-runner and former finance minister"
        wider = open_subject(sv, k)
        if wider is not None and wider.start < holder.start:
            holder = attrs.evolve(holder, name=wider.name, start=wider.start)
    return _Left(holder, vg, mode)


def _proportion_start(toks: Sequence[Token], a: int, lex: ClaimLexicon) -> int:
    """Where a phrase starting at ``toks[a]`` starts with a proportion before it: "one in four voters"."""
    if (
        a >= 2
        and _low(toks[a - 1]) == "in"
        and (toks[a][2].isdigit() or _low(toks[a]) in lex.determiners)
        and (toks[a - 2][2].isdigit() or _low(toks[a - 2]) in lex.determiners)
    ):
        return a - 2
    return a


def _privy_subject(sv: SentenceView, k: int) -> Holder | None:
    """``two people familiar with the talks`` / ``sources close to the Kremlin``, ending at ``toks[k]``."""
    toks, lex = sv.toks, sv.lex
    for j in range(k, max(1, k - 6), -1):
        low = _low(toks[j])
        if toks[j][2] in {",", ";", "(", ")"} or toks[j][2] in QUOTE_MARKS:
            return None
        if low in _PRIVY_PREPS and _low(toks[j - 1]) in _PRIVY and j >= 2:
            g = np_left(toks, j - 2, 0, lex)
            outer = classify(toks, g, j - 2, sv.index, lex) if g is not None else None
            if outer is None or outer.kind not in (SpeakerKind.GROUP, SpeakerKind.PERSON):
                return None
            end = toks[k][1]
            return attrs.evolve(outer, name=sv.text[outer.start : end], end=end)
    return None


def _infinitive_subject(sv: SentenceView, to: int, vg: int) -> _Left:
    """``leading experts to believe`` / ``the efforts of the Biden administration to impress``."""
    toks, lex = sv.toks, sv.lex
    j = to - 1
    a = np_left(toks, j, 0, lex) if j >= 0 else None
    if a is None or a < 1:
        return _Left(None, vg, "none")
    before = _low(toks[a - 1])
    if _low(toks[a]) in lex.causatives and a < j:
        a += 1
        before = _low(toks[a - 1])
    if before in lex.causatives:
        return _Left(classify(toks, a, j, sv.index, lex), toks[a - 1][0], "normal")
    if before in _EFFORT_LINKS and a >= 2 and _low(toks[a - 2]) in lex.effort_nouns:
        return _Left(classify(toks, a, j, sv.index, lex), toks[a - 2][0], "normal")
    return _Left(None, vg, "none")


_CONJUNCT_REACH = 24  # tokens back to the first of two coordinated participles (a short quotation between)
_ABSOLUTE_REACH = 14  # tokens between "with" / "including" and a participle of its subject


def first_conjunct(sv: SentenceView, i: int) -> int:
    """The participle coordinated with ``toks[i]`` ("underlining X and vowing"), or -1."""
    toks = sv.toks
    if i < 2 or _low(toks[i - 1]) not in _COORDINATORS:
        return -1
    p = i - 2
    while p >= 0 and i - p <= _CONJUNCT_REACH and toks[p][2] not in {";", "(", "–", "—"}:
        word = toks[p][2]
        if word.islower() and word.endswith("ing") and len(word) > 4 and word.isalpha():
            return p
        p -= 1
    return -1


def absolute_subject(sv: SentenceView, i: int) -> Holder | None:
    """The subject of the participle ``toks[i]`` in an absolute construction, or None.

    "…, including an adviser to his campaign acknowledging that …" (a post-modified subject), and
    "…, with officials underlining X and vowing to …" (a participle coordinated with one whose
    subject follows *with*): the noun phrase after *with* / *including* / *despite*.
    """
    toks, lex = sv.toks, sv.lex
    first = i
    if i >= 2 and _low(toks[i - 1]) in _COORDINATORS:
        first = first_conjunct(sv, i)
        if first < 0:
            return None
    lead = first - 1
    while lead >= 0 and first - lead <= _ABSOLUTE_REACH and toks[lead][2] not in _CLAUSE_OPENERS:
        if _low(toks[lead]) in _ABSOLUTE_LEADS:
            break
        lead -= 1
    if lead < 0 or _low(toks[lead]) not in _ABSOLUTE_LEADS or lead + 1 >= first:
        return None
    if any(t[2] in _CLAUSE_OPENERS or _low(t) in lex.auxiliaries for t in toks[lead + 1 : first]):
        return None
    # the head: the first holder noun (or the end of a name) after the lead
    h = lead + 1
    while h < first and not (
        is_head(toks[h][2], lex) and not (toks[h + 1][2][:1].isupper() and h + 1 < first)
    ):
        if toks[h][2].islower() and _low(toks[h]) in lex.prepositions:
            return None  # "with boats in the harbour sinking": no holder before the preposition
        h += 1
    if h >= first:
        return None
    holder = classify(toks, lead + 1, h, sv.index, lex)
    if holder is None or holder.kind not in (SpeakerKind.PERSON, SpeakerKind.GROUP, SpeakerKind.INSTITUTION):
        return None
    if h + 1 < first and _low(toks[h + 1]) in lex.prepositions and not holder.proper:
        # keep the post-modifier: "an adviser to his campaign"
        end = toks[first - 1][1]
        holder = attrs.evolve(holder, name=sv.text[holder.start : end], end=end)
    words = sv.text[holder.start : holder.end].casefold().split()
    if holder.state or any(w in lex.document_nouns for w in words):
        return None  # "despite reports saying": a document, no holder
    return holder


def right_holder(sv: SentenceView, b: int, *, limit: int = 16) -> Holder | None:
    """A holder phrase that starts at ``toks[b]``: "an expert from the … Institute (FPRI)"."""
    toks, lex = sv.toks, sv.lex
    if b >= len(toks) or _low(toks[b]) in lex.prepositions or _low(toks[b]) in lex.stop_words:
        return None  # "said in a statement", "proposed that …": an occasion or a clause, not a speaker
    e = np_right(toks, b, len(toks), lex, limit=limit)
    if e is None:
        return None
    # the head: the first holder noun or the end of the first capitalised run
    h = b
    while h < e and not is_head(toks[h][2], lex):
        if _low(toks[h]) not in lex.determiners and not toks[h][2].islower():
            return None
        h += 1
    if h >= e:
        return None
    if toks[h][2][:1].isupper():
        while h + 1 < e and (
            toks[h + 1][2][:1].isupper()
            or (_low(toks[h + 1]) in _NAME_CONTINUERS and h + 2 < e and toks[h + 2][2][:1].isupper())
        ):
            h += 1
        # "Russian experts": a capitalised modifier before a holder noun
        for step in (1, 2):
            nxt = h + step
            if (
                nxt < e
                and _holder_noun(_low(toks[nxt]), lex)
                and toks[nxt][2].islower()
                and toks[h + 1][2].islower()
            ):
                h = nxt
                break
    elif h + 2 < e and _low(toks[h + 1]) == "and" and is_head(toks[h + 2][2], lex):
        h += 2
    holder = classify(toks, b, h, sv.index, lex)
    if holder is None:
        return None
    if h + 1 < e and holder.kind in (SpeakerKind.GROUP, SpeakerKind.PERSON) and not holder.proper:
        # keep the post-modifier in the name: "an expert from the … (FPRI)", "many analysts in China"
        name = sv.text[toks[b][0] : toks[e - 1][1]]
        country = holder.country or _state_in(toks[h + 1 : e], lex)
        holder = attrs.evolve(holder, name=name, end=toks[e - 1][1], country=country)
    return holder


def _holder_noun(low: str, lex: ClaimLexicon) -> bool:
    return (
        low in lex.group_nouns
        or low in lex.person_nouns
        or low in lex.institution_nouns
        or low in lex.narrative_nouns
    ) and low not in lex.determiners


def _postmodified_subject(sv: SentenceView, k: int) -> Holder | None:
    """``The official discourse on … implies``: a holder noun with a post-modifier opens the clause."""
    toks, lex = sv.toks, sv.lex
    c = k
    while c > 0 and toks[c - 1][2] not in {",", ";", ":"} and k - c < 24:
        c -= 1
    if c > 0 and toks[c - 1][2] not in {",", ";", ":"}:
        return None
    while c < k and (_low(toks[c]) in lex.discourse_starts or _low(toks[c]) in lex.stop_words):
        c += 1
    h = c
    while h < k and h < c + 4 and not _holder_noun(_low(toks[h]), lex):
        if not (
            _low(toks[h]) in lex.determiners
            or _low(toks[h]) in lex.adjectives
            or toks[h][2][:1].isupper()
            or (h > c and _noun_modifier(toks[h][2], lex))  # "The trade group for …"
        ):
            return None
        h += 1
    while h + 1 < k and toks[h + 1][2].islower() and _holder_noun(_low(toks[h + 1]), lex):
        h += 1  # "official discourse": the last noun of the run is the head
    if h >= k or h + 1 > k or not toks[h][2].islower():
        return None
    nxt = _low(toks[h + 1])
    if nxt not in lex.prepositions and nxt not in _SUBJECT_RELATIVES:
        return None
    holder = classify(toks, c, h, sv.index, lex)
    if holder is None or holder.kind is None:
        return None
    e = h + 1
    while e < k and toks[e][2] not in {",", "–", "—", "("} and toks[e][2] not in _OPENING:
        e += 1
    end = toks[e - 1][1]
    return attrs.evolve(holder, name=sv.text[holder.start : end], end=end)


def _noun_modifier(word: str, lex: ClaimLexicon) -> bool:
    """A lowercase word that may modify the head noun: no function word, preposition or verb form."""
    low = word.casefold()
    return (
        word.isalpha()
        and word.islower()
        and low not in lex.stop_words
        and low not in lex.prepositions
        and low not in lex.auxiliaries
        and low not in lex.adverbs
        and not low.endswith(("ed", "ing", "ly"))
    )


def _state_in(toks: Sequence[Token], lex: ClaimLexicon) -> str | None:
    for t in toks:
        base = possessive_base(t[2]) or t[2]
        if base in lex.states:
            return lex.states[base]
    return None


def _clause_subject(sv: SentenceView, k: int, *, open_np: bool = False) -> Holder | None:
    """The subject opening the clause that holds ``toks[k]`` (for participles and coordinated verbs)."""
    toks, lex = sv.toks, sv.lex
    c = k
    while c > 0 and toks[c - 1][2] not in {",", ";"} and k - c < _CLAUSE_TOKENS:
        c -= 1
    while (
        c >= 2
        and toks[c - 1][2] == ","
        and toks[c - 2][2][:1].isupper()
        and k - c < 3
        and all(t[2][:1].isupper() or t[2] == "." for t in toks[c : k + 1])
    ):
        # "… in Salem, Ore., citing": the state after its city is no clause of its own
        c -= 1
        while c > 0 and toks[c - 1][2] not in {",", ";"} and k - c < _CLAUSE_TOKENS:
            c -= 1
    while c < k and (_low(toks[c]) in lex.discourse_starts or _low(toks[c]) in lex.stop_words):
        c += 1
    t = (
        c + 1
        if c + 1 < k and _low(toks[c]) in lex.prepositions and _low(toks[c + 1]) in lex.time_words
        else c
    )
    while t < k and t - c < 4 and (_low(toks[t]) in lex.time_words or _low(toks[t]) in _TIME_LEADS):
        t += 1  # "By Sunday afternoon she had …": a fronted time before a pronoun subject
    if t > c and t < k and _low(toks[t]) in lex.pronouns and _low(toks[t]) not in _NON_GROUP_PRONOUNS:
        c = t
    elif t > c + 1 and t < k and (_low(toks[t]) in lex.determiners or toks[t][2][:1].isupper()):
        c = t  # "In March the minister resigned, citing …": the subject after a fronted time
    if c < k and _low(toks[c]) in lex.pronouns and _low(toks[c]) not in _NON_GROUP_PRONOUNS:
        return classify(toks, c, c, sv.index, lex)  # "On Thursday, he expanded …, warning"
    e = c
    while e < k and (
        toks[e][2][:1].isupper()
        or _low(toks[e]) in lex.determiners
        or (_low(toks[e]) in lex.connectors and e + 1 < k and toks[e + 1][2][:1].isupper())
        or (
            toks[e][2].islower()
            and e + 1 < k
            and is_head(toks[e + 1][2], lex)
            and _low(toks[e]) in lex.adjectives
        )
        or (_holder_noun(_low(toks[e]), lex) and e > c)
    ):
        e += 1
    a = np_left(toks, e - 1, c, lex) if e > c else None
    found = classify(toks, c, e - 1, sv.index, lex) if a == c else None
    if found is not None or not open_np:
        return found
    # an ordinary noun phrase before the clause's auxiliary: "The governor has delivered …, saying"
    for j in range(c + 1, min(k, c + _MAX_OPEN)):
        if _low(toks[j]) in lex.auxiliaries:
            holder = open_subject(sv, j - 1)
            return holder if holder is not None and holder.start == toks[c][0] else None
        if toks[j][2] in _CLAUSE_OPENERS:
            return None
    # or right before the verb ``toks[k]``: "the mayor’s office released a statement saying"
    holder = open_subject(sv, k - 1) if k - 1 > c else None
    return holder if holder is not None and holder.start == toks[c][0] else None


def _in_frame(sv: SentenceView) -> Holder | None:
    """``In Moscow, … is recognized as …``: the place's policy community holds the view."""
    toks = sv.toks
    if len(toks) < 4 or _low(toks[0]) != "in":
        return None
    e = 1
    while e < len(toks) and e < 6 and toks[e][2] != ",":
        e += 1
    if e >= len(toks) or toks[e][2] != "," or e == 1:
        return None
    a = np_left(toks, e - 1, 1, sv.lex)
    if a != 1:
        return None
    holder = classify(toks, 1, e - 1, sv.index, sv.lex)
    if holder is None or not holder.state:
        return None
    return attrs.evolve(holder, kind=SpeakerKind.GROUP, country=holder.country)


def _agent(sv: SentenceView, after: int) -> Holder | None:
    """A passive's ``by`` agent in the same clause."""
    toks = sv.toks
    k = after
    while k < len(toks) and k - after < 12 and toks[k][2] not in {",", ";", "."}:
        if _low(toks[k]) == "by" and k + 1 < len(toks):
            holder = right_holder(sv, k + 1, limit=10)
            if holder is not None and possessive_base(sv.text[holder.start : holder.end]) is not None:
                return None  # "is confirmed by President Lin's visit": the agent is the visit
            return holder
        k += 1
    return None


_PP_LINKS = grammar_words("pp_links")
_MAX_OPEN = 16  # tokens in one open subject, post-modifiers included


def _open_word(word: str, lex: ClaimLexicon) -> bool:
    """A lower-case word that can sit inside an ordinary noun phrase (not a function word)."""
    low = word.casefold()
    return (
        word.islower()
        and any(ch.isalpha() for ch in word)
        and low not in lex.stop_words
        and low not in lex.auxiliaries
        and low not in lex.prepositions
        and low not in lex.pronouns
        and (possessive_base(low) or "") not in lex.pronouns
        and low not in lex.adverbs
        and not (low.endswith("ly") and low not in lex.adjectives)
        and low[-3:] != "ing"
    )


def _simple_np(sv: SentenceView, k: int) -> tuple[int, bool] | None:
    """The start of the simple noun phrase ending at ``toks[k]``, and whether it is determined.

    Modifiers are lower-case content words, capitalised words, numbers and hyphenated words;
    the phrase stops after a determiner or a possessive (with the name it belongs to).
    """
    toks, lex = sv.toks, sv.lex
    a = k
    j = k - 1
    while j >= 0 and k - j < 8:
        word = toks[j][2]
        low = word.casefold()
        if low in lex.determiners and low not in _DETERMINER_EXCEPTIONS:
            return j, True
        if word[:1].isdigit() and word.replace(",", "").replace(".", "").isdigit():
            # a number determines the phrase: "75 percent of voters", "about 40 percent"
            while j > 0 and _low(toks[j - 1]) in lex.approximators:
                j -= 1
            if j > 0 and _low(toks[j - 1]) in lex.determiners:
                j -= 1  # "the 2008 election cycle"
            return j, True
        base = possessive_base(word)
        if base is not None:
            a = j
            j -= 1
            while j >= 0 and k - j < 10 and toks[j][2][:1].isupper() and low not in lex.stop_words:
                a = j
                j -= 1
            if j >= 0 and _low(toks[j]) in lex.determiners:
                a = j
            return a, True
        if _open_word(word, lex) or word[:1].isupper() or word[:1].isdigit():
            if low in lex.discourse_starts or low in lex.stop_words:
                break
            a = j
            j -= 1
            continue
        break
    return a, False


def open_subject(sv: SentenceView, k: int) -> Holder | None:
    """An ordinary noun phrase ending at ``toks[k]`` as the subject of a speech verb.

    "The actress said", "his brother added", "a school spokesman told", "Former prosecutors
    said", "The deputy head of the delegation to the forum said": a determined phrase (or an
    undetermined plural) with up to two prepositional post-modifiers, opening its clause.
    The head noun decides the kind: a holder noun of the lexicon, else plural -> group, else person.
    """
    toks, lex = sv.toks, sv.lex
    if k >= 2 and _low(toks[k]) in lex.time_words:
        # "A land record filed Friday says": step over a participle and its time
        j = k - 1
        while j > 0 and (_low(toks[j]) in lex.time_words or _low(toks[j]) in _DATE_LEADS):
            j -= 1
        if not (toks[j][2].islower() and toks[j][2].endswith("ed")):
            return None
        k = j - 1
    if k < 0 or toks[k][2] in lex.demonyms or not (_open_word(toks[k][2], lex) or toks[k][2][:1].isupper()):
        return None
    found = _simple_np(sv, k)
    if found is None:
        return None
    a, determined = found
    a = _proportion_start(toks, a, lex)  # "One in four voters said": voters, not "One"
    head = k
    links = 0
    while a >= 2 and links < 3 and k - a < _MAX_OPEN:
        link = _low(toks[a - 1])
        outer = a - 2
        if not (_open_word(toks[outer][2], lex) or toks[outer][2][:1].isupper()):
            break
        if link in _PP_LINKS:
            # "the head of the delegation": read the phrase the preposition hangs on
            head = outer
        elif link != "and" or determined:
            break  # "the favourite and former minister": one coordinated head
        inner = _simple_np(sv, outer)
        if inner is None:
            break
        a, determined = _proportion_start(toks, inner[0], lex), inner[1] or determined
        links += 1
    if (
        head > a
        and toks[head][2].islower()
        and toks[head][2].endswith("ed")
        and _open_word(toks[head - 1][2], lex)
        and not toks[head - 1][2].endswith("ed")
    ):
        head -= 1  # a reduced relative: "records compiled by the agency" are records
    head_word = toks[head][2] if head > 0 else toks[head][2].lower()  # "Aides to the governor said"
    if not _open_word(head_word, lex) or len(head_word) < 3:
        return None
    while (
        a > 0 and _low(toks[a - 1]) in lex.approximators and _low(toks[a - 1]) not in _APPROXIMATOR_EXCEPTIONS
    ):
        a -= 1  # a quantity: "just over a quarter", "about two-thirds"
    a = _proportion_start(toks, a, lex)
    if a > 0:
        before = toks[a - 1][2]
        low = before.casefold()
        if not (
            before in _CLAUSE_OPENERS
            or before in QUOTE_MARKS
            or low in lex.discourse_starts
            or low in _SUBORDINATORS
        ):
            return None
    head_low = _low(toks[head])
    plural = (head_low.endswith("s") and not head_low.endswith(("ss", "us", "is"))) or (
        len(head_low) > 4 and head_low.endswith(_PLURAL_ENDINGS)
    )
    if not determined and not plural:
        return None
    if _low(toks[a]) in lex.author_determiners and head_low in lex.author_nouns:
        return None  # "this article", "the report" in the author's voice are found elsewhere
    start, end = toks[a][0], toks[k][1]
    name = sv.text[start:end]
    if head_low in lex.institution_nouns:
        kind = SpeakerKind.INSTITUTION
    elif head_low in lex.group_nouns or plural:
        kind = SpeakerKind.GROUP
    else:
        kind = SpeakerKind.PERSON
    entity: Person | Institution | None = None
    for m in sv.index.within(start, end):
        if m.start == start and isinstance(m.entity, (Person, Institution)):
            entity = m.entity
        break
    return Holder(name, kind, start, end, entity=entity)


_CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "–", "—"})
