"""Nominal and prepositional attributions, and the per-sentence dispatcher.

"According to X"; "For X, …"; "from X’s perspective"; "in X’s words"; "of
concern to X"; possessive nouns ("Putin’s reference to"); shared beliefs ("a
shared Russo-Chinese belief that"); existential holders ("there are Russian
champions of …").  :func:`candidates` runs every construction of the lexicon
over one sentence, verb constructions included.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..model import SpeakerKind
from ._constructions import _content_after, possessor, verb_candidate
from ._grammar import grammar_map, grammar_words
from ._lexicon import claim_lexicon
from ._sentence import _CLAUSE_MARKS, _OPENING, Candidate, SentenceView, _is_adverb, _low
from ._speakers import Holder, possessive_base
from ._subjects import left_subject, right_holder

__all__ = ["candidates", "in_frame_re", "poll_word_re", "possessive_frame_re"]

_FRAME_PRONOUNS = grammar_map("frame_pronouns")  # "in his view" -> "he"
_EXISTENTIAL_VERBS = grammar_words("existential_verbs")  # "there are champions of …"
_SURVEY_DETERMINERS = grammar_words("survey_determiners")  # "In a survey released …"
_CONNECTIVES = grammar_words("sentence_connectives")  # "But in his view, …"
_POLL_NOUNS = grammar_words("poll_nouns")  # "leads in the polls", "in a new survey"
_POLL_REACH = 7  # tokens between "in" and the poll noun: "in a Herald-Ipsos national poll"
_POLL_SOURCE_LINKS = frozenset({"from", "by", "of", "for"})  # "polls from the Courier and KTV"
_ONE_POLL = frozenset({"a", "an", "one"})  # "in a new poll": one poll, not the standing "in the polls"


@functools.cache
def poll_word_re() -> re.Pattern[str]:
    """A poll noun anywhere in a sentence: the cheap test before looking for an *in*-frame."""
    return re.compile(
        r"\b(?:" + "|".join(sorted(map(re.escape, _POLL_NOUNS), key=len, reverse=True)) + r")\b", re.I
    )


def according_candidate(sv: SentenceView, i: int) -> Candidate | None:
    toks = sv.toks
    if i + 2 >= len(toks) or _low(toks[i + 1]) != "to":
        return None
    holder = right_holder(sv, i + 2) or _possessed_document(sv, i + 2)
    if holder is None or holder.kind in (None, SpeakerKind.AUTHOR):
        return None
    if (
        i == 0
        or toks[i - 1][2] == ","
        or toks[i - 1][2] in _OPENING
        or _low(toks[i - 1]) in sv.lex.discourse_starts
    ):
        content = (holder.end, sv.end) if i <= 2 else (sv.start, toks[i][0])
    else:
        content = (sv.start, toks[i][0])
    return Candidate(holder, toks[i][0], toks[i + 1][1], *content)


def per_candidate(sv: SentenceView, i: int) -> Candidate | None:
    """``…, per CTV News.``: a source after a comma that closes the sentence (not "$5 per ton")."""
    toks = sv.toks
    if i < 2 or toks[i - 1][2] != "," or i + 1 >= len(toks):
        return None
    holder = right_holder(sv, i + 1)
    if holder is None or holder.kind in (None, SpeakerKind.AUTHOR) or not holder.proper:
        return None
    rest = toks[sv.covering(holder.end - 1) + 1 :]
    if any(t[2] not in {".", "!", "”", '"', "''", ")"} for t in rest):
        return None
    return Candidate(holder, toks[i][0], toks[i][1], sv.start, toks[i - 1][0])


def _possessed_document(sv: SentenceView, b: int) -> Holder | None:
    """``China’s 2018 Arctic white paper``: a state's document (kind institution)."""
    toks, lex = sv.toks, sv.lex
    base = possessive_base(toks[b][2])
    if base is None or base not in lex.states:
        return None
    for h in range(b + 1, min(len(toks), b + 6)):
        word = toks[h][2]
        if word in _CLAUSE_MARKS:
            return None
        if word.islower() and word in lex.institution_nouns:
            end = toks[h][1]
            country = lex.states[base]
            return Holder(
                sv.text[toks[b][0] : end], SpeakerKind.INSTITUTION, toks[b][0], end, country=country
            )
    return None


def possessive_candidate(sv: SentenceView, i: int) -> Candidate | None:
    """``Putin’s reference to …``, ``China’s earlier assent to …``."""
    toks, lex = sv.toks, sv.lex
    for pat in lex.possessive_nouns.get(_low(toks[i]), ()):
        m = pat.match(sv.text, toks[i][1], sv.end)
        if m is None:
            continue
        k = i - 1
        while (
            k >= 0
            and k >= i - 3
            and toks[k][2].islower()
            and (_low(toks[k]) not in lex.stop_words or _low(toks[k]) in _ORDINALS)  # "his second tweet"
            and _low(toks[k]) not in _FRAME_PRONOUNS
            and possessive_base(toks[k][2]) is None  # "the judges’ statement": the possessor
        ):
            k -= 1
        if k < 0:
            return None
        if _low(toks[k]) in _FRAME_PRONOUNS:
            # "her remark that …": the pronoun's person, resolved like a subject pronoun
            pron = _FRAME_PRONOUNS[_low(toks[k])]
            pronoun = Holder(pron, None, toks[k][0], toks[k][1], pronoun=pron)
            return Candidate(pronoun, toks[k][0], m.end(), *_content_after(sv, m.end()))
        holder = possessor(sv, k)
        if holder is None or holder.kind in (None, SpeakerKind.AUTHOR):
            return None
        return Candidate(holder, toks[k][0], m.end(), *_content_after(sv, m.end()))
    return None


_AGENT_LINKS = frozenset({"from", "by"})
_APPOSITION_TOKENS = 8  # "complaints by the minister of fisheries, Ada Berg, that …"


def agent_candidate(sv: SentenceView, i: int) -> Candidate | None:
    """``complaints from his counterpart that …``, ``a statement by the actor Ola Moss that …``.

    A reporting noun, *from* / *by* and a holder (possibly followed by an appositive between
    commas), then *that* opening the reported clause: the holder is the speaker.
    """
    toks = sv.toks
    if i + 3 >= len(toks) or _low(toks[i + 1]) not in _AGENT_LINKS or not toks[i][2].islower():
        return None
    holder = right_holder(sv, i + 2, limit=10)
    if holder is None or holder.kind in (None, SpeakerKind.AUTHOR) or holder.start != toks[i + 2][0]:
        return None
    j = sv.covering(holder.end - 1) + 1
    if j < len(toks) and toks[j][2] == ",":
        # an appositive between commas: "the minister of fisheries, Ada Berg, that"
        e = j + 1
        while e < len(toks) and e - j <= _APPOSITION_TOKENS and toks[e][2] not in _CLAUSE_MARKS:
            e += 1
        if e < len(toks) and toks[e][2] == "," and e > j + 1:
            j = e + 1
    if j >= len(toks) or _low(toks[j]) != "that":
        return None
    return Candidate(holder, toks[i][0], toks[i][1], toks[j][1], _content_after(sv, toks[j][1])[1])


def shared_candidate(sv: SentenceView, i: int) -> Candidate | None:
    """``a shared Russo-Chinese belief that …``: the demonyms are the holders."""
    toks, lex = sv.toks, sv.lex
    for pat in lex.shared_nouns.get(_low(toks[i]), ()):
        m = pat.match(sv.text, toks[i][1], sv.end)
        if m is None:
            continue
        countries: list[str] = []
        k = i - 1
        while k >= 0 and k >= i - 5:
            word = toks[k][2]
            parts = [p for p in re.split(r"[-—–]", word) if p]
            found = [lex.demonyms.get(p) or lex.states.get(p) for p in parts]
            if word[:1].isupper() and all(found):
                countries = [c for c in found if c] + countries
            elif _low(toks[k]) not in lex.shared_adjectives:
                break
            k -= 1
        uniq = list(dict.fromkeys(countries))
        if not uniq:
            return None
        start, end = toks[k + 1][0], toks[i - 1][1]
        if len(uniq) == 1:
            holder = Holder(uniq[0], SpeakerKind.INSTITUTION, start, end, country=uniq[0], state=True)
        else:
            holder = Holder(" and ".join(uniq), SpeakerKind.GROUP, start, end)
        return Candidate(holder, toks[i][0], m.end(), *_content_after(sv, m.end()))
    return None


def champions_candidate(sv: SentenceView, i: int) -> Candidate | None:
    """``there are Russian champions of closer ties to China``."""
    toks, lex = sv.toks, sv.lex
    if i + 1 >= len(toks) or _low(toks[i + 1]) != "of":
        return None
    k = i - 1
    while (
        k >= 0
        and i - k <= _FRAME_TOKENS
        and (toks[k][2][:1].isupper() or _low(toks[k]) in lex.adjectives or _low(toks[k]) in lex.determiners)
    ):
        k -= 1
    start_np = k + 1
    while k >= 0 and _is_adverb(toks[k][2], lex):
        k -= 1
    if k < 1 or _low(toks[k]) not in _EXISTENTIAL_VERBS:
        return None
    j = k - 1
    while j >= 0 and _is_adverb(toks[j][2], lex):
        j -= 1
    if j < 0 or _low(toks[j]) != "there":
        return None
    e = i + 2
    while (
        e < len(toks)
        and e < i + 8
        and toks[e][2] not in _CLAUSE_MARKS
        and _low(toks[e]) not in lex.stop_words
    ):
        e += 1
    if e >= len(toks) or toks[e][2] in {"."}:
        e = min(e, len(toks) - 1)
    name_end = toks[e - 1][1]
    words = toks[start_np:e]
    country = None
    for t in words:
        if t[2] in lex.demonyms and lex.demonyms[t[2]]:
            country = lex.demonyms[t[2]]
            break
    holder = Holder(
        sv.text[toks[start_np][0] : name_end], SpeakerKind.GROUP, toks[start_np][0], name_end, country=country
    )
    return Candidate(holder, toks[i][0], toks[i + 1][1], name_end, sv.end)


_COPULAS = grammar_words("copular_verbs")
_ORDINALS = grammar_words("ordinals")
_STANCE_MODIFIERS = 5  # "is one of the most vocal critics of", "remains a longtime proponent of"


def stance_holder_candidate(sv: SentenceView, i: int) -> Candidate | None:
    """``Berg is a vocal critic of …``, ``He remains a proponent of …``: the copula's subject holds it."""
    toks, lex = sv.toks, sv.lex
    if i + 2 >= len(toks) or _low(toks[i + 1]) != "of" or not toks[i][2].islower():
        return None
    k = i - 1
    while (
        k >= 0
        and i - k <= _STANCE_MODIFIERS
        and toks[k][2].islower()
        and (
            _low(toks[k]) in lex.determiners
            or _low(toks[k]) in lex.adjectives
            or _is_adverb(toks[k][2], lex)
            or _low(toks[k]) in lex.quantifiers
            or _low(toks[k]) in {"of", "one"}
            or (
                toks[k][2].isalpha() and _low(toks[k]) not in lex.stop_words and _low(toks[k]) not in _COPULAS
            )
        )
    ):
        k -= 1
    if k < 1 or _low(toks[k]) not in _COPULAS or k == i - 1:
        return None
    left = left_subject(sv, k)
    holder = left.holder
    if holder is None or left.mode not in {"normal", "relative"}:
        return None
    if (
        holder.kind not in (SpeakerKind.PERSON, SpeakerKind.GROUP, SpeakerKind.INSTITUTION)
        and not holder.pronoun
    ):
        return None
    return Candidate(holder, toks[k][0], toks[i + 1][1], *_content_after(sv, toks[i + 1][1]))


@functools.cache
def possessive_frame_re() -> re.Pattern[str]:
    """``’s perspective`` / ``’s words``: where a possessive perspective frame may start."""
    lex = claim_lexicon()
    return re.compile(
        r"(?:’|')s(?:" + lex.perspective_re.pattern + "|" + lex.opinion_re.pattern + ")", re.IGNORECASE
    )


@functools.cache
def in_frame_re() -> re.Pattern[str]:
    """``In his view`` / ``in the eyes of X`` / ``from their perspective`` / ``from the standpoint of X``."""
    lex = claim_lexicon()
    pronouns = "|".join(re.escape(p) for p in _FRAME_PRONOUNS)
    return re.compile(
        r"\b(?:in\s+(?:(?P<p1>"
        + pronouns
        + r")|the)"
        + lex.opinion_re.pattern
        + r"|from\s+(?:(?P<p2>"
        + pronouns
        + r")|the)"
        + lex.perspective_re.pattern
        + r")(?P<of>\s+of\b)?",
        re.IGNORECASE,
    )


def _in_frames(sv: SentenceView) -> list[Candidate]:
    out: list[Candidate] = []
    for m in in_frame_re().finditer(sv.text, sv.start, sv.end):
        pron = m.group("p1") or m.group("p2")
        if pron and not m.group("of"):
            low = pron.casefold()
            holder = Holder(pron, None, m.start(), m.start() + len(pron), pronoun=_FRAME_PRONOUNS[low])
        elif m.group("of") and not pron:
            j = sv.covering(m.end() - 1) + 1
            found = right_holder(sv, j, limit=10) if j < len(sv.toks) else None
            if found is None or found.state or found.kind in (None, SpeakerKind.AUTHOR):
                continue
            holder = found
        else:
            continue
        out.append(Candidate(holder, m.start(), m.end(), sv.start, sv.end))
    return out


_FRAME_TOKENS = 14  # "In a Herald/Ipsos survey released late last week, …"


def _document_frame(sv: SentenceView, b: int) -> Candidate | None:
    """``In a new poll, …`` / ``In the report, …``: a document opening the sentence is its source."""
    toks, lex = sv.toks, sv.lex
    if _low(toks[b + 1]) not in _SURVEY_DETERMINERS:
        return None
    head = -1
    for c in range(b + 2, min(len(toks), b + _FRAME_TOKENS)):
        word = toks[c][2]
        if word == ",":
            if head < 0:
                return None
            start, end = toks[b + 1][0], toks[c - 1][1]
            holder = Holder(sv.text[start:end], SpeakerKind.INSTITUTION, start, end)
            return Candidate(holder, toks[b][0], toks[b][1], toks[c][1], sv.end)
        if word in _CLAUSE_MARKS:
            return None
        if head < 0 and _low(toks[c]) in lex.document_nouns:  # "In a Harbour Times Poll released …"
            head = c
        elif head < 0 and word.islower() and _low(toks[c]) in lex.stop_words:
            return None
    return None


def _poll_frames(sv: SentenceView, taken: set[int]) -> list[Candidate]:
    """``… by 8 points in recent polls from X``, ``… in a Gazette poll released …``: the poll is the source.

    An *in*-phrase headed by a poll noun anywhere in the sentence (the one opening it with a comma
    is :func:`_document_frame`); between *in* and the noun stand only an article, modifiers, names
    and numbers.  A capitalised source after *from* / *by* / *of* / *for* joins the poll.  The poll
    must be a particular one (*a*, a name or number, or a source): *leading in the polls* is a
    standing, not a report.
    """
    toks, lex = sv.toks, sv.lex
    out: list[Candidate] = []
    for c, tok in enumerate(toks):
        if _low(tok) not in _POLL_NOUNS or not (
            tok[2].islower() or (c >= 1 and toks[c - 1][2][:1].isupper())
        ):
            continue  # "Polling" alone is a name; "a Harbour Times Poll" is a poll
        b = c - 1
        while b >= 0 and c - b <= _POLL_REACH:
            word = toks[b][2]
            low = word.casefold()
            if low == "in" or word in _CLAUSE_MARKS or word in {".", "!", "?"}:
                break
            if (low in lex.stop_words or low in lex.prepositions) and low not in _SURVEY_DETERMINERS:
                break
            b -= 1
        if b < 0 or _low(toks[b]) != "in" or toks[b][0] in taken:
            continue
        end = tok[1]
        if c + 2 < len(toks) and _low(toks[c + 1]) in _POLL_SOURCE_LINKS:
            source = right_holder(sv, c + 2, limit=8)
            if source is not None and source.proper and source.start == toks[c + 2][0]:
                end = source.end
        specific = end > tok[1] or any(
            _low(t) in _ONE_POLL or t[2][:1].isupper() or t[2][:1].isdigit() for t in toks[b + 1 : c]
        )
        if not specific:
            continue  # "leading in the polls": the standing, not a poll that reports
        start = toks[b + 1][0]
        holder = Holder(sv.text[start:end], SpeakerKind.INSTITUTION, start, end)
        out.append(Candidate(holder, toks[b][0], toks[b][1], sv.start, sv.end))
        taken.add(toks[b][0])
    return out


def _in_document(sv: SentenceView, cand: Candidate) -> bool:
    return cand.cue_start == sv.toks[0][0] or sv.text[cand.cue_start : cand.cue_end].casefold() == "in"


def frame_candidates(sv: SentenceView) -> list[Candidate]:
    """Source and perspective frames: For X, …; from X’s perspective; in X’s words; of concern to X."""
    toks, lex, text = sv.toks, sv.lex, sv.text
    out: list[Candidate] = []
    # "For many analysts in China, …" at the start of the sentence
    b = 0
    while b < len(toks) and b < 2 and _low(toks[b]) in _CONNECTIVES:
        b += 1
    concessive = b + 2 < len(toks) and _low(toks[b + 1]) == "all" and _low(toks[b + 2]) in sv.lex.determiners
    if b < len(toks) and _low(toks[b]) == "for" and not concessive:  # "For all the debates, …": despite
        holder = right_holder(sv, b + 1, limit=10)
        end_np = sv.covering(holder.end - 1) + 1 if holder else 0
        if (
            holder is not None
            and not holder.state
            and holder.kind in (SpeakerKind.GROUP, SpeakerKind.PERSON, SpeakerKind.INSTITUTION)
            and end_np < len(toks)
            and toks[end_np][2] == ","
        ):
            out.append(Candidate(holder, toks[b][0], toks[b][1], toks[end_np][1], sv.end))
    if b + 2 < len(toks) and _low(toks[b]) == "in":
        found = _document_frame(sv, b)
        if found is not None:
            out.append(found)
    if poll_word_re().search(text, sv.start, sv.end):
        out.extend(_poll_frames(sv, {c.cue_start for c in out}))
    for pm in possessive_frame_re().finditer(text, sv.start, sv.end):
        k = sv.covering(pm.start())
        tok = toks[k]
        if possessive_base(tok[2]) is None or k == 0:
            continue
        for pat, preps in ((lex.perspective_re, {"from"}), (lex.opinion_re, {"in"})):
            m = pat.match(text, tok[1], sv.end)
            if m is None:
                continue
            holder = possessor(sv, k)
            if holder is None or holder.kind in (None, SpeakerKind.AUTHOR):
                continue
            p = sv.covering(holder.start) - 1
            if p >= 0 and _low(toks[p]) in preps:
                out.append(Candidate(holder, toks[p][0], m.end(), sv.start, sv.end))
    if "concern" not in text[sv.start : sv.end]:
        return out
    for m in lex.concern_re.finditer(text, sv.start, sv.end):
        j = sv.at(m.end())
        if j is None:
            continue
        holder = right_holder(sv, j, limit=8)
        if holder is not None and not holder.state and holder.kind not in (None, SpeakerKind.AUTHOR):
            out.append(Candidate(holder, m.start(), m.end() - 1, sv.start, m.start()))
    return out


def candidates(
    sv: SentenceView, hits: Sequence[re.Match[str]], inside_quote: Sequence[bool]
) -> list[Candidate]:
    """Every construction found in the sentence, in order of their cues."""
    lex = sv.lex
    out: list[Candidate] = []
    for m, quoted in zip(hits, inside_quote, strict=True):
        if quoted:
            continue
        i = sv.at(m.start())
        if i is None:
            continue
        low = m.group().casefold()
        if low == "according":
            cand = according_candidate(sv, i)
            if cand:
                out.append(cand)
            continue
        if low == "per":
            cand = per_candidate(sv, i)
            if cand:
                out.append(cand)
            continue
        for cue in lex.verbs.get(low, ()):
            cand = verb_candidate(sv, i, cue)
            if cand:
                out.append(cand)
                break
        if low in lex.possessive_nouns:
            cand = possessive_candidate(sv, i)
            if cand:
                out.append(cand)
        if low in lex.shared_nouns:
            cand = shared_candidate(sv, i)
            if cand:
                out.append(cand)
        if low in lex.champions:
            cand = champions_candidate(sv, i) or stance_holder_candidate(sv, i)
            if cand:
                out.append(cand)
        if low in lex.agent_nouns:
            cand = agent_candidate(sv, i)
            if cand:
                out.append(cand)
    frames = frame_candidates(sv)
    if any(c.holder.proper and c.holder.kind is SpeakerKind.PERSON for c in out):
        # "In a memo on Friday, Lena Quist reminded …": the named speaker, not the document
        frames = [c for c in frames if not _in_document(sv, c)]
    # "One in four anglers in a new survey said": a frame inside another speaker's phrase is part of it
    frames = [f for f in frames if not any(c.holder.start <= f.cue_start < c.holder.end for c in out)]
    out.extend(frames)
    if any(m.group().casefold() in lex.frame_heads for m in hits):
        out.extend(_in_frames(sv))
    return out
