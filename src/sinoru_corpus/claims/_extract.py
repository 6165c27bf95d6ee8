"""Claims: who says what about the relationship, one sentence at a time.

:func:`find_claims` splits the prose paragraphs into sentences, scans each
once for cue words from the curated lexicon (``data/cues.json``), and asks the
constructions module who holds the reported position.  Around that it keeps
the article-level context: pronouns ("He added", "they suggest") resolve to
the last speaker of the right kind; a line ending with ":" after a reporting
verb turns the next paragraph into a block quote of that speaker, one claim
per sentence; a direct quotation that runs on (or restarts right after a
quoted claim) is credited to the same speaker with ``cue=None``.

Author-voice positions ("This paper argues", "we argue") are detected but not
returned unless ``author_voice=True``: the gold standard lists only positions
attributed to someone other than the article's own voice.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

import attrs

from ..model import Claim, Institution, Mention, Person, Region, SpeakerKind
from ..text._sentences import split_sentences
from ._attributions import candidates, poll_word_re, possessive_frame_re
from ._frames import claim_frames
from ._grammar import grammar_list, grammar_words
from ._lexicon import ClaimLexicon, claim_lexicon
from ._sentence import Candidate, SentenceView
from ._speakers import Holder, NameIndex, classify, np_left, person_like, strip_titles
from ._subjects import _simple_np

__all__ = ["find_claims"]

_MIN_BLOCK_WORDS = 7
_LOOK_BACK = 400  # characters searched before a pronoun for a person named in its sentence
_GROUP_LOOK_BACK = 40  # tokens searched before "they" for a group named in its sentence
_PLACE_PREPS = grammar_words("place_prepositions")
_PERSON_PRONOUNS = grammar_words("person_pronouns")  # resolved to a person named before them
_AUTHOR_PRONOUNS = grammar_words("author_pronouns")  # the page's author speaking
_NAMING_VERBS = grammar_words("naming_verbs")  # "a group called X": X is a label
_FRONTED = 80  # characters of a fronted appositive before a sentence's subject


@functools.cache
def _for_start() -> re.Pattern[str]:
    # "But in his view …", "Yet for all …": a sentence connective (capitalised) may open it
    connectives = "|".join(re.escape(w.capitalize()) for w in grammar_list("sentence_connectives"))
    return re.compile(r"(?:(?:" + connectives + r")\s+)?(?:For|In)\s")


@functools.cache
def _person_name_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])[A-Z][\w’'-]{1,30}(?:\s[A-Z][\w’'-]{1,30}){0,3}")


@functools.cache
def _quote_marks() -> re.Pattern[str]:
    return re.compile("“|”|\"|''|``|«|»|„")


@functools.cache
def _opening_re() -> re.Pattern[str]:
    return re.compile("[“\"«„]|''|``")


_OPENERS = frozenset({"“", "``", "«", "„"})
_CLOSERS = frozenset({"”", "»"})


def _quote_regions(
    text: str, start: int, end: int, sentences: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Double-quoted stretches of a paragraph, for every style of quotation mark.

    Curly, guillemet and low-9 marks open and close; a straight quote (or two apostrophes)
    closes an open quotation or opens one.  An unclosed quotation is handled locally: when it
    opens a sentence it runs to the paragraph end (a quotation continued in the next paragraph
    leaves its mark unclosed), otherwise only to the end of its own sentence, so one stray mark
    cannot swallow a paragraph.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = ""
    for m in _quote_marks().finditer(text, start, end):
        ch = m.group()
        i = m.start()
        if open_at is None:
            if ch not in _CLOSERS:  # a stray closing mark opens nothing
                open_at, opener = i, ch
            continue
        if ch in _OPENERS and not (opener == "„" and ch == "“"):
            continue  # a nested opening mark; the outer quotation goes on
        regions.append((open_at, m.end()))
        open_at = None
    if open_at is not None:
        stop = end
        for ss, se in sentences:
            if ss <= open_at < se:
                if text[ss:open_at].strip():
                    stop = se
                break
        regions.append((open_at, stop))
    return regions


def _live(lex: ClaimLexicon, text: str, m: re.Match[str], end: int) -> bool:
    """Whether a trigger word can start a construction (cheap checks before tokenising)."""
    low = m.group().casefold()
    cues = lex.verbs.get(low)
    if cues and any(c.rest is None or c.rest.match(text, m.end(), end) for c in cues):
        return True
    if low in lex.frame_heads:
        # "In his view", "in the eyes of X": the frame noun after a possessive or "the"
        before = text[max(0, m.start() - 12) : m.start()].casefold()
        return before.endswith(("his ", "her ", "their ", "the ", "own "))
    if low == "per":
        return text[max(0, m.start() - 2) : m.start()] == ", "  # "…, per CTV News."
    if low in lex.agent_nouns and text.startswith((" from ", " by "), m.end()):
        return True  # "complaints from X that …"
    return (
        low == "according" or low in lex.possessive_nouns or low in lex.shared_nouns or low in lex.champions
    )


def _inside(regions: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and regions[i][0] < pos < regions[i][1]


def _overlaps(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a quoted region meets ``[start, end)`` (regions sorted by start; bounded look-back)."""
    i = bisect.bisect_left(regions, (end, -1))
    return any(regions[j][1] > start for j in range(max(0, i - 4), i))


@attrs.define
class _Context:
    """Who spoke last, for pronouns and continuations."""

    person: Holder | None = None
    # the last claim-less sentence (start, end), if it came after ``person``'s claim
    plain: tuple[int, int] | None = None
    group: Holder | None = None
    group_at: int = -10
    sentence_no: int = 0


def _resolve(holder: Holder, sv: SentenceView, ctx: _Context) -> Holder | None:
    """Replace a pronoun holder by the speaker it refers to (None when unknown)."""
    if holder.kind is not None:
        return holder
    pron = holder.pronoun
    if pron in _PERSON_PRONOUNS:
        # a person named earlier in the same sentence wins ("Putin’s problem is that … he can only")
        # bounded look-back, so a long run-on sentence stays linear
        back = max(sv.start, holder.start - _LOOK_BACK)
        # the sentence's own subject when a person opens it ("Varga is struggling to show how
        # the deal was rigged, as he’s often claimed"), else the nearest person before the pronoun
        opening = _named_subject(sv.text, sv.start, holder.start, sv.index)
        if (
            opening is not None
            and opening.start == sv.start
            and opening.end < holder.start
            and _agrees(sv, pron, opening.start, opening.name)
        ):
            return attrs.evolve(opening, start=holder.start, end=holder.end)
        names = sv.index.within(back, holder.start)
        quoted = _quoted_stretches(sv.text, sv.start, holder.start)
        people = [
            m
            for m in names
            if isinstance(m.entity, Person)
            and _agrees(sv, pron, m.start, m.entity.name)
            and not _within(quoted, m.start)
        ]
        if people:
            m0 = people[0] if not sv.text[sv.start : people[0].start].strip() else people[-1]
            p = m0.entity
            assert isinstance(p, Person)
            return attrs.evolve(holder, name=p.name, kind=SpeakerKind.PERSON, entity=p, proper=True)
        lex = sv.lex
        found: list[str] = []
        place_end = -1
        for m in _person_name_re().finditer(sv.text, back, holder.start):
            if _within(quoted, m.start()):
                continue  # "“Good luck, Astana!,” he posted": a name inside the quotation
            if any(not isinstance(x.entity, Person) for x in sv.index.within(m.start(), m.end())):
                place_end = m.end()
                continue  # a place or an institution the gazetteer knows: "New Hampshire"
            before = sv.text[max(sv.start, m.start() - 12) : m.start()].split()
            if (before and before[-1].rstrip(",").casefold() in _PLACE_PREPS) or (
                place_end >= 0 and sv.text[place_end : m.start()].strip() == ","
            ):
                place_end = m.end()
                continue  # "in Ohio and Nevada", "in Tulsa, Okla.", "in San Bernardino, Calif.": a place
            if before and before[-1].casefold() in _NAMING_VERBS:
                continue  # "a super PAC called Future 45": a label, not a person
            if not _agrees(sv, pron, m.start(), m.group()):
                continue  # "Mr. Adeyemi" is no "she", "Maria Lund" no "he"
            words = strip_titles(m.group().split(), lex)
            if (
                words
                and person_like(words, lex)
                and words[0] not in lex.discourse_starts
                and words[0].casefold() not in lex.pronouns  # "“She should …,” he said"
            ):
                if (
                    m.start() == sv.start
                    and len(words) == 1
                    and _opens_clause_not_name(sv, words[0], m.end())
                ):
                    continue
                name = " ".join(words)
                name = sv.index.full_name(name) if len(words) == 1 else name
                if m.start() == sv.start:
                    found = [name]
                    break
                found.append(name)
        if found:
            return attrs.evolve(
                holder, name=found[0] if len(found) == 1 else found[-1], kind=SpeakerKind.PERSON, proper=True
            )
        named = _named_subject(sv.text, *ctx.plain, sv.index) if ctx.plain is not None else None
        if named is not None and _agrees(
            sv, pron, named.start, named.name
        ):  # "Maria Zakharova … was sharper. She …"
            return attrs.evolve(named, start=holder.start, end=holder.end)
        last_agrees = ctx.person is not None and _agrees(sv, pron, ctx.person.start, ctx.person.name)
        if ctx.plain is not None:
            # the last person who agrees in the sentence before ("Mr. A met Ms. B. She …"): one with a
            # title always, one known by the given name only when the last speaker does not agree
            other = _agreeing_name(sv, pron, ctx.plain[0], ctx.plain[1], titled_only=last_agrees)
            if other is not None:
                return attrs.evolve(holder, name=other, kind=SpeakerKind.PERSON, proper=True)
        if ctx.person is not None and last_agrees:
            return attrs.evolve(ctx.person, start=holder.start, end=holder.end)
        # nobody named before: still one person, named as printed
        return attrs.evolve(holder, kind=SpeakerKind.PERSON)
    if pron == "they":
        if ctx.group is not None and ctx.sentence_no - ctx.group_at <= 3:
            return attrs.evolve(ctx.group, start=holder.start, end=holder.end)
        earlier = _group_before(sv, holder.start)  # "That worries many traders because they think"
        if earlier is not None:
            return attrs.evolve(earlier, start=holder.start, end=holder.end)
        # no group named nearby: still a collective speaker, named as printed
        return attrs.evolve(holder, kind=SpeakerKind.GROUP)
    if pron == "it":
        first = _first_subject(sv)
        if first is not None and first.kind is SpeakerKind.INSTITUTION and first.start < holder.start:
            return attrs.evolve(first, start=holder.start, end=holder.end)
        return None
    if pron in _AUTHOR_PRONOUNS:
        return attrs.evolve(holder, kind=SpeakerKind.AUTHOR)
    return None


_QUOTE_SCAN = 2000  # characters of a sentence scanned for quotation marks before a pronoun


def _quoted_stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The double-quoted stretches of ``text[start:end]`` (an unclosed one runs to ``end``)."""
    if end - start > _QUOTE_SCAN:
        return []
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _quote_marks().finditer(text, start, end):
        ch = m.group()
        if open_at is None:
            if ch not in _CLOSERS:
                open_at = m.start()
        elif ch not in _OPENERS:
            out.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        out.append((open_at, end))
    return out


def _within(stretches: Sequence[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in stretches)


def _agrees(sv: SentenceView, pron: str, start: int, name: str = "") -> bool:
    """Whether a person whose name starts at ``start`` can be ``he``/``she``.

    A gendered title (``data/cues.json``, ``names.gendered_titles``) just before the name or
    opening it decides: *Mr. Adeyemi* is no *she*, *Ms. Okafor* no *he*; else the given name
    (``names.given_names``, names not shared by both sexes): *Maria Lund* is no *he*.
    Neither: any.
    """
    titles = sv.lex.title_gender
    before = sv.text[max(0, start - _TITLE_REACH) : start].split()
    opening = sv.text[start : start + _TITLE_REACH].split()
    for word in (before[-1:] or [""])[0], (opening[:1] or [""])[0]:
        gender = titles.get(word)
        if gender is not None:
            return gender == pron
    given = strip_titles(name.split(), sv.lex)[:1]
    gender = sv.lex.name_gender.get(given[0]) if given else None
    return gender is None or gender == pron


def _agreeing_name(sv: SentenceView, pron: str, start: int, end: int, *, titled_only: bool) -> str | None:
    """The last person in ``text[start:end]`` (bounded) whose title or given name agrees with ``pron``."""
    lex = sv.lex
    found = None
    for m in _person_name_re().finditer(sv.text, max(start, end - _LOOK_BACK), end):
        before = sv.text[max(0, m.start() - _TITLE_REACH) : m.start()].split()
        words = strip_titles(m.group().split(), lex)
        gender = lex.title_gender.get(before[-1]) if before else None
        if gender is None and words and not titled_only:
            gender = lex.name_gender.get(words[0])
        if gender != pron:
            continue
        if words and person_like(words, lex):
            found = sv.index.full_name(words[0]) if len(words) == 1 else " ".join(words)
    return found


_TITLE_REACH = 9  # characters: "Mrs. " before a name, "Messrs." opening one


def _opens_clause_not_name(sv: SentenceView, word: str, end: int) -> bool:
    """A capitalised first word that is a function word or governs what follows ("Given his …")."""
    lex = sv.lex
    if word.casefold() in lex.stop_words:
        return True
    nxt = sv.text[end : end + 12].split(None, 1)
    low = nxt[0].casefold() if nxt else ""
    return low in lex.determiners or low in lex.prepositions or low in lex.pronouns


def _group_before(sv: SentenceView, pos: int) -> Holder | None:
    """The nearest plural holder phrase left of ``pos`` in the sentence ("many analysts")."""
    toks, lex = sv.toks, sv.lex
    j = sv.covering(pos) - 1
    stop = max(-1, j - _GROUP_LOOK_BACK)
    while j > stop:
        low = toks[j][2].casefold()
        if (
            (toks[j][2].islower() or (toks[j][2][1:].islower() and low.endswith("s")))  # "Republicans"
            and low in lex.group_nouns
            and low not in lex.determiners
        ):
            a = np_left(toks, j, 0, lex)
            found = classify(toks, a, j, sv.index, lex) if a is not None else None
            if found is not None and found.kind is SpeakerKind.GROUP:
                return found
        elif toks[j][2].islower() and low.endswith("s") and not low.endswith("ss") and low.isalpha():
            chunk = _simple_np(sv, j)  # "many farmers": a determined plural noun phrase
            if chunk is not None and chunk[1] and chunk[0] < j:
                start, end = toks[chunk[0]][0], toks[j][1]
                return Holder(sv.text[start:end], SpeakerKind.GROUP, start, end)
        j -= 1
    return None


def _first_subject(sv: SentenceView) -> Holder | None:
    from ._subjects import _clause_subject

    toks = sv.toks
    k = 0
    while k < len(toks) and k < 12 and toks[k][2] not in {",", ";"}:
        k += 1
    first = 0
    if k < len(toks) and toks[k][2] == "," and k < 6:
        first = k + 1  # skip a short opening adverbial: "Moreover, Moscow …"
    end = min(len(toks), first + 12)
    return _clause_subject(sv, end - 1) if end - 1 > first else None


def _entities(index: NameIndex, start: int, end: int) -> tuple[tuple[Region, ...], tuple[Institution, ...]]:
    regions: dict[Region, None] = {}
    insts: dict[Institution, None] = {}
    for m in index.within(start, end):
        if isinstance(m.entity, Region):
            regions.setdefault(m.entity)
        elif isinstance(m.entity, Institution):
            insts.setdefault(m.entity)
    return tuple(regions), tuple(insts)


def _content_free(text: str) -> bool:
    words = re.findall(r"[\w’'-]+", text)
    if len(words) >= _MIN_BLOCK_WORDS:
        return False
    return not any(w[:1].isupper() for w in words[1:])


class _Builder:
    def __init__(self, text: str, index: NameIndex, author_voice: bool) -> None:
        self.text = text
        self.index = index
        self.author_voice = author_voice
        self.out: list[Claim] = []

    def emit(
        self,
        holder: Holder,
        start: int,
        end: int,
        *,
        cue: tuple[int, int] | None,
        quoted: bool,
    ) -> Claim | None:
        if holder.kind is SpeakerKind.AUTHOR and not self.author_voice:
            return None
        text = self.text
        regions, insts = _entities(self.index, start, end)
        if cue is not None:
            cs, ce = cue
            while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in "“”\"‘’',:«»„`"):
                ce -= 1
            cue = (cs, ce)
        cue_text = (
            text[cue[0] : cue[1]] if cue and cue[1] > cue[0] and text[cue[0] : cue[1]].strip() else None
        )
        claim = Claim(
            speaker=holder.speaker(),
            cue=cue_text,
            text=text[start:end],
            start=start,
            end=end,
            quoted=quoted,
            cue_start=cue[0] if cue_text is not None and cue else None,
            cue_end=cue[1] if cue_text is not None and cue else None,
            regions=regions,
            institutions=insts,
            frames=claim_frames(text, start, end),
        )
        self.out.append(claim)
        return claim


def find_claims(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    mentions: Sequence[Mention] = (),
    authors: Sequence[str] = (),
    author_voice: bool = False,
) -> tuple[Claim, ...]:
    """The claims in the prose paragraphs ``spans`` of ``text``, in reading order.

    ``mentions`` (entity mentions of the article) link speakers to their Person or
    Institution and fill each claim's regions and institutions; ``authors`` are the
    byline names, whose own statements are author voice.  Author-voice claims are
    returned only with ``author_voice=True``.
    """
    lex = claim_lexicon()
    index = NameIndex(text, mentions, lex)
    author_names = {a.casefold() for a in authors if a.strip()}
    builder = _Builder(text, index, author_voice)
    ctx = _Context()
    prefilter = possessive_frame_re()
    n = len(text)
    paragraphs = sorted((max(0, s), min(e, n)) for s, e in spans if min(e, n) > max(0, s))
    block: tuple[Holder, int, int] | None = None
    for ps, pe in paragraphs:
        sentences = split_sentences(text, [(ps, pe)])
        if block is not None:
            holder, cs, ce = block
            block = None
            if not text[ps:pe].rstrip().endswith(":"):
                for ss, se in sentences:
                    if not _content_free(text[ss:se]):
                        builder.emit(holder, ss, se, cue=(cs, ce), quoted=True)
                continue
        regions = _quote_regions(text, ps, pe, sentences)
        rstarts = [r[0] for r in regions]
        previous: tuple[Holder, bool, int] | None = None  # last claim's speaker, quoted, its end
        for ss, se in sentences:
            ctx.sentence_no += 1
            hits = [m for m in lex.trigger.finditer(text, ss, se) if _live(lex, text, m, se)]
            found: list[Candidate] = []
            sv: SentenceView | None = None
            if (
                hits
                or _for_start().match(text, ss, se)
                or prefilter.search(text, ss, se)
                or ("concern" in text[ss:se] and lex.concern_re.search(text, ss, se))
                or poll_word_re().search(text, ss, se)
            ):
                sv = SentenceView(text, ss, se, index, lex)
                flags = [_inside(regions, rstarts, m.start()) for m in hits]
                found = candidates(sv, hits, flags)
            emitted = _emit_sentence(builder, sv, found, regions, ctx, author_names, ss, se)
            if (
                emitted is None
                and se - ss <= _HEADLINE_CHARS
                and text.find(":", ss + 1, min(se, ss + 40)) > 0
            ):
                emitted = _headline_speaker(builder, text, ss, se, index)
            if emitted is not None:
                ctx.plain = None
                holder, quoted, intro = emitted
                if intro is not None:
                    block = (holder, intro[0], intro[1])
                previous = (holder, quoted, se)
                continue
            # a direct quotation that runs on, or restarts right after a quoted claim
            if previous is not None and previous[1] and previous[0].kind is not SpeakerKind.AUTHOR:
                opens = _opening_re().search(text, ss, min(se, ss + 30)) is not None
                if _inside(regions, rstarts, ss) or (opens and _overlaps(regions, ss, se)):
                    builder.emit(previous[0], ss, se, cue=None, quoted=True)
                    previous = (previous[0], True, se)
                    ctx.plain = None
                    continue
            previous = None
            ctx.plain = (ss, se)
    return tuple(builder.out)


_HEADLINE_CHARS = 160  # a short line "Name: what they said"


@functools.cache
def _headline_re() -> re.Pattern[str]:
    return re.compile(r"([A-Z][\w’'-]{1,30}(?:\s[A-Z][\w’'-]{1,30}){0,2}):\s+\S")


def _headline_speaker(
    builder: _Builder, text: str, ss: int, se: int, index: NameIndex
) -> tuple[Holder, bool, tuple[int, int] | None] | None:
    """A headline attribution "Okafor: The quay is unsafe" (a short sentence opening with a name and a colon).

    Only a person the article knows counts: a Person mention, or a surname the article also
    prints in full ("Okafor" -> "Ada Okafor"), so "Update:" or "Analysis:" are no speakers.
    """
    m = _headline_re().match(text, ss, se)
    if m is None:
        return None
    words = strip_titles(m.group(1).split(), index.lex)
    if not words or not person_like(words, index.lex):
        return None
    person = next(
        (x.entity for x in index.within(m.start(1), m.end(1)) if isinstance(x.entity, Person)), None
    )
    if person is not None:
        holder = Holder(person.name, SpeakerKind.PERSON, m.start(1), m.end(1), entity=person, proper=True)
    elif len(words) == 1 and index.full_name(words[0]) != words[0]:
        holder = Holder(index.full_name(words[0]), SpeakerKind.PERSON, m.start(1), m.end(1), proper=True)
    else:
        return None
    colon = m.end(1)
    claim = builder.emit(holder, ss, se, cue=(colon, colon + 1), quoted=False)
    return None if claim is None else (holder, False, None)


def _named_subject(text: str, ss: int, se: int, index: NameIndex) -> Holder | None:
    """The person a claim-less sentence opens with (a later "he"/"she" most likely means them)."""
    for m in index.within(ss, min(se, ss + 60)):
        if isinstance(m.entity, Person) and not text[ss : m.start].strip():
            return Holder(m.entity.name, SpeakerKind.PERSON, m.start, m.end, entity=m.entity, proper=True)
        break
    found = _person_name_re().match(text, ss, se)
    words = strip_titles(found.group().split(), index.lex) if found is not None else []
    if found is not None and len(words) >= 2 and person_like(words, index.lex):
        return Holder(" ".join(words), SpeakerKind.PERSON, found.start(), found.end(), proper=True)
    # after a fronted appositive: "A likely successor, Varga is the niece of …"
    comma = text.find(", ", ss, min(se, ss + _FRONTED))
    after = _person_name_re().match(text, comma + 2, se) if comma >= 0 else None
    if after is None:
        return None
    words = strip_titles(after.group().split(), index.lex)
    if not words or not person_like(words, index.lex):
        return None
    name = index.full_name(words[0]) if len(words) == 1 else " ".join(words)
    return Holder(name, SpeakerKind.PERSON, after.start(), after.end(), proper=True)


def _emit_sentence(
    builder: _Builder,
    sv: SentenceView | None,
    found: Sequence[Candidate],
    regions: Sequence[tuple[int, int]],
    ctx: _Context,
    author_names: set[str],
    ss: int,
    se: int,
) -> tuple[Holder, bool, tuple[int, int] | None] | None:
    """Emit one claim per distinct speaker of the sentence; returns the last (holder, quoted, intro cue)."""
    if sv is None or not found:
        return None
    seen: set[str] = set()
    last: tuple[Holder, bool, tuple[int, int] | None] | None = None
    for cand in _prefer_finite(sv.text, found):
        holder = _resolve(cand.holder, sv, ctx)
        if holder is None:
            continue
        if holder.name.casefold() in author_names:
            holder = attrs.evolve(holder, kind=SpeakerKind.AUTHOR)
        key = holder.name.casefold()
        if key in seen:
            continue
        seen.add(key)
        if cand.intro:
            last = (holder, True, (cand.cue_start, cand.cue_end))
            _remember(ctx, holder)
            continue
        quoted = cand.quoted_term or _overlaps(regions, cand.content_start, cand.content_end)
        claim = builder.emit(holder, ss, se, cue=(cand.cue_start, cand.cue_end), quoted=quoted)
        if claim is not None:
            _remember(ctx, holder)
            last = (holder, quoted, None)
    return last


def _participle_cue(text: str, cand: Candidate) -> bool:
    head = text[cand.cue_start : cand.cue_end].split(None, 1)
    return bool(head) and head[0].casefold().endswith("ing")


def _prefer_finite(text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """Drop a participle cue when the same holder also has a finite one, and nested holders.

    "Officials, speaking on condition of anonymity, said …": the claim's cue is *said*.
    """
    if len(found) < 2:
        return list(found)
    finite = {c.holder.name.casefold() for c in found if not _participle_cue(text, c)}
    by_cue: dict[tuple[int, int], list[Candidate]] = {}
    for c in found:
        by_cue.setdefault((c.cue_start, c.cue_end), []).append(c)
    return [
        c
        for c in found
        if not (_participle_cue(text, c) and c.holder.name.casefold() in finite)
        and not any(_nested(c, d) for d in by_cue[(c.cue_start, c.cue_end)])
    ]


def _nested(inner: Candidate, outer: Candidate) -> bool:
    """``inner`` names a part of ``outer``'s holder for the same cue ("Officials in Astana" → Astana)."""
    a, b = inner.holder, outer.holder
    return (
        inner is not outer
        and (inner.cue_start, inner.cue_end) == (outer.cue_start, outer.cue_end)
        and b.start <= a.start
        and a.end <= b.end
        and (b.end - b.start) > (a.end - a.start)
    )


def _remember(ctx: _Context, holder: Holder) -> None:
    if holder.kind is SpeakerKind.PERSON and holder.proper:
        ctx.person = holder
    elif holder.kind is SpeakerKind.GROUP:
        ctx.group = holder
        ctx.group_at = ctx.sentence_no
