"""The curated reporting-cue lexicon (``data/cues.json``), compiled once on first use.

The data file lists reporting verbs as small patterns (``"see ... as"``,
``"express ... doubts|concern"``); this module inflects their first word,
builds one trie-shaped trigger regex over every cue word (so a sentence is
scanned once, whatever the size of the lexicon), and compiles the bounded
continuation pattern of each entry.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from .. import _trie
from .._data import casefolded as _words
from .._data import load_json
from .._pattern_cache import compile_built, compile_cached, source_digest
from .._trie import trie_regex
from ._grammar import grammar_alternation, grammar_list

__all__ = ["ClaimLexicon", "VerbCue", "claim_lexicon", "inflect", "trie_regex"]

_VOWELS = frozenset("aeiou")
# A gap word inside one clause: no clause punctuation, no quotes.
_GAP_WORD = r"[^\s;:!?,“”\"«»„`()]{1,40}"


def inflect(lemma: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The base form and its regular inflections (over-generation is harmless: nonsense never occurs)."""
    w = lemma.casefold()
    forms = {w, *(x.casefold() for x in extra)}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing", w + "ing"}
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        if (
            len(w) >= 3
            and w[-1] not in _VOWELS | {"w", "x", "y"}
            and w[-2] in _VOWELS
            and w[-3] not in _VOWELS
        ):
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return frozenset(forms)


def _alternatives(token: str) -> str:
    return "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in token.split("|")) + ")"


@functools.cache
def _compiled(source: str | None) -> re.Pattern[str] | None:
    return None if source is None else re.compile(source, re.IGNORECASE)


@attrs.frozen
class VerbCue:
    """One lexicon entry: its pattern, the continuation after the verb, and its complement needs.

    ``rest`` and ``needs`` are kept as regex sources and compiled on first use, so a fresh
    process compiles only the continuations its pages meet.
    """

    pattern: str
    lemma: str
    _rest: str | None
    _needs: str | None
    open: bool = False  # a speech verb: any noun phrase may be its subject, and it may trail a report
    documents_only: bool = False  # "show", "find": reports only with a document or poll as subject
    quote_only: bool = False  # "continue", "go on": reports only next to a quotation
    bare_clause: bool = False  # "that" may be left out: "writes the firm works …"
    _refuse: str | None = None  # objects that make the verb no report: "tell a story"

    @property
    def rest(self) -> re.Pattern[str] | None:
        """The continuation after the verb (``"see ... as"`` -> the gap and ``as``), compiled."""
        return _compiled(self._rest)

    @property
    def needs(self) -> re.Pattern[str] | None:
        """What must follow the verb and its continuation (``that``, ``:``), compiled."""
        return _compiled(self._needs)

    @property
    def refuse(self) -> re.Pattern[str] | None:
        """An object within three words after the verb that makes it no report (``a mixed story``)."""
        return _compiled(self._refuse)


def _compile_refuse(words: Sequence[str]) -> str | None:
    """``not_objects`` of a cue: one of the words among the next three, with no content after it
    ("tell a different story."; but "tell the story of how …" reports)."""
    if not words:
        return None
    content = rf"(?!\s+(?:{grammar_alternation('content_links')})(?![\w’'-]))"  # "the story of how …"
    return rf"(?:\s+{_GAP_WORD}){{0,2}}?\s+" + _alternatives("|".join(words)) + r"(?![\w’'-])" + content


def _compile_rest(tokens: list[str], gap: int) -> str | None:
    if not tokens:
        return None
    parts: list[str] = []
    pending_gap = False
    for tok in tokens:
        if tok == "...":
            pending_gap = True
            continue
        if pending_gap:
            parts.append(rf"(?:\s+{_GAP_WORD}){{0,{gap}}}?")
            pending_gap = False
        tail = r"(?![\w’'-])" if tok[-1:].isalnum() else ""
        parts.append(
            r"\s*" + _alternatives(tok) + tail
            if not tok[:1].isalnum()
            else r"\s+" + _alternatives(tok) + tail
        )
    return "".join(parts)


def _pp_gap(prepositions: Iterable[str]) -> str:
    """A short place or occasion before a complementizer, opened by one of ``prepositions``."""
    return (
        r"(?P<gap>(?:"
        + "|".join(re.escape(p) for p in prepositions)
        + r")(?:\s+[^\s,;:“”\"()]{1,30}){1,5}?\s+)?"
    )


def _compile_needs(needs: Iterable[str], pp_gap: str) -> str | None:
    words = [re.escape(n) + r"\b" for n in needs if n.isalpha()]
    marks = [re.escape(n) for n in needs if not n.isalpha()]
    if not words and not marks:
        return None
    alts = list(marks)
    if words:
        # a short place or occasion may come before a complementizer ("wrote in an op-ed that")
        alts.append(pp_gap + "(?:" + "|".join(words) + ")")
    # an adverb or two may sit between the verb and what it needs ("stated publicly that")
    return r"(?:\s+\w{2,20}ly)?\s*(?:" + "|".join(alts) + ")"


@attrs.frozen
class ClaimLexicon:
    """Everything the claim finder reads from ``data/cues.json``, compiled."""

    trigger: re.Pattern[str]
    frame_heads: frozenset[str]  # first words of the perspective and opinion nouns
    verbs: Mapping[str, tuple[VerbCue, ...]]
    catenative_end: re.Pattern[str]
    catenative_last: frozenset[str]
    adverb_end: re.Pattern[str]
    adverb_last: frozenset[str]
    causatives: frozenset[str]
    effort_nouns: frozenset[str]
    adverbs: frozenset[str]
    auxiliaries: frozenset[str]
    possessive_nouns: Mapping[str, tuple[re.Pattern[str], ...]]
    shared_nouns: Mapping[str, tuple[re.Pattern[str], ...]]
    agent_nouns: frozenset[str]  # "complaints from X that …"
    shared_adjectives: frozenset[str]
    champions: frozenset[str]
    perspective_re: re.Pattern[str]
    opinion_re: re.Pattern[str]
    concern_re: re.Pattern[str]
    passive_perception: frozenset[str]
    group_nouns: frozenset[str]
    person_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    document_nouns: frozenset[str]
    narrative_nouns: frozenset[str]
    pronouns: Mapping[str, str]
    author_nouns: frozenset[str]
    author_determiners: frozenset[str]
    determiners: frozenset[str]
    quantifiers: frozenset[str]
    adjectives: frozenset[str]
    connectors: frozenset[str]
    prepositions: frozenset[str]
    stop_words: frozenset[str]
    time_words: frozenset[str]
    approximators: frozenset[str]
    parenthetical_starts: frozenset[str]
    discourse_starts: frozenset[str]
    institution_words: frozenset[str]
    titles: frozenset[str]
    name_suffixes: frozenset[str]
    title_gender: Mapping[str, str]  # "Mr." -> "he", "Ms." -> "she"
    name_gender: Mapping[str, str]  # "Michael" -> "he", "Mary" -> "she"
    states: Mapping[str, str]
    demonyms: Mapping[str, str | None]
    groupings: frozenset[str]


def _noun_patterns(entries: Iterable[str]) -> dict[str, tuple[re.Pattern[str], ...]]:
    """First word -> continuation patterns (``"reference to"`` -> ``reference`` + ``\\s+to``)."""
    out: dict[str, list[re.Pattern[str]]] = {}
    for entry in entries:
        first, *rest = entry.split()
        pat = "".join(r"\s+" + re.escape(w) + r"\b" for w in rest)
        out.setdefault(first.casefold(), []).append(re.compile(pat, re.IGNORECASE))
    return {k: tuple(v) for k, v in out.items()}


def _phrase_alternation(phrases: Iterable[str]) -> str:
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        # longest first, ties in a fixed order: the same pattern (and cache key) in every process
        for p in sorted({p.casefold() for p in phrases}, key=lambda p: (-len(p), p))
    )


def _phrase_unit(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _catenative_forms(entry: str, irregular: Mapping[str, Sequence[str]]) -> list[str]:
    first, *rest = entry.split()
    tail = " ".join(rest)
    if first == "be":
        heads = list(grammar_list("be_forms"))
    else:
        heads = sorted(inflect(first, irregular.get(first, ())))
    return [f"{h} {tail}".strip() for h in heads]


def _trie_pattern(
    words: list[str], wrap: Callable[[str], str], unit: Callable[[str], str]
) -> re.Pattern[str]:
    """``wrap(trie_regex(words, unit))`` compiled ignoring case; a fresh process reads the
    pattern from the on-disk cache (its recipe: the words and the code of this module and the trie)."""
    digest = source_digest(__file__, _trie.__file__)

    def build() -> str:
        return wrap(trie_regex(words, unit))

    if digest is None:
        return compile_cached(build(), re.IGNORECASE)
    recipe = "\0".join(["claim lexicon trie", digest, unit.__name__, wrap("\1"), *words])
    return compile_built(recipe, build, re.IGNORECASE)


@functools.cache
def claim_lexicon() -> ClaimLexicon:
    """The compiled lexicon (loaded on first use, then cached)."""
    raw = load_json("cues.json")
    irregular: dict[str, list[str]] = {str(k): [str(f) for f in v] for k, v in raw["irregular"].items()}
    pp_gap = _pp_gap(str(p) for p in raw["complement_prepositions"])
    verbs: dict[str, list[VerbCue]] = {}
    for pattern, spec in raw["verbs"].items():
        tokens = pattern.split()
        lemma = tokens[0]
        cue = VerbCue(
            pattern=pattern,
            lemma=lemma,
            rest=_compile_rest(tokens[1:], int(spec.get("gap", 10))),
            needs=_compile_needs(spec.get("needs", ()), pp_gap),
            open=bool(spec.get("open", False)),
            documents_only=spec.get("subjects") == "document",
            quote_only=bool(spec.get("quote", False)),
            bare_clause="that" in spec.get("needs", ()),
            refuse=_compile_refuse(spec.get("not_objects", ())),
        )
        for form in inflect(lemma, [*spec.get("forms", ()), *irregular.get(lemma, ())]):
            verbs.setdefault(form, []).append(cue)
    nouns = raw["noun_cues"]
    possessive = _noun_patterns(nouns["possessive"])
    shared = _noun_patterns(nouns["shared"])
    champions = _words(nouns["champions"])
    agent_nouns = _words(nouns["agent"])
    frames = raw["frames"]
    holders = raw["holders"]
    np_words = raw["noun_phrase"]
    names = raw["names"]
    # first words of the frame nouns, so "In his view" is found by the same one-pass scan
    frame_heads = _words(str(n).split()[0] for n in [*frames["perspective_nouns"], *frames["opinion_nouns"]])
    words = (
        set(verbs)
        | set(possessive)
        | set(shared)
        | set(champions)
        | agent_nouns
        | {"according", "per"}
        | frame_heads
    )
    trigger = _trie_pattern(sorted(words), lambda t: r"(?<![\w’'-])" + t + r"(?![\w-])", re.escape)
    catenatives = [form for entry in raw["catenatives"] for form in _catenative_forms(entry, irregular)]
    adverbs = [a for a in raw["adverbs"] if " " in a]
    return ClaimLexicon(
        trigger=trigger,
        frame_heads=frame_heads,
        verbs={k: tuple(v) for k, v in verbs.items()},
        catenative_last=frozenset(c.split()[-1].casefold() for c in catenatives),
        adverb_last=frozenset(a.split()[-1].casefold() for a in adverbs),
        # a trie, not a flat alternation: searched over an 80-character window per verb, it reads
        # each start position once instead of trying every catenative there
        catenative_end=_trie_pattern(
            sorted({c.casefold() for c in catenatives}),
            lambda t: r"(?<![\w’'-])(?:" + t + r")\s*$",
            _phrase_unit,
        ),
        adverb_end=re.compile(
            r"(?<![\w’'-])(?:" + _phrase_alternation(adverbs) + r")\s*,?\s*$", re.IGNORECASE
        ),
        causatives=_words(raw["causatives"]),
        effort_nouns=_words(raw["effort_nouns"]),
        adverbs=_words(a for a in raw["adverbs"] if " " not in a),
        auxiliaries=_words(raw["auxiliaries"]),
        possessive_nouns=possessive,
        shared_nouns=shared,
        agent_nouns=agent_nouns,
        shared_adjectives=_words(nouns["shared_adjectives"]),
        champions=champions,
        perspective_re=re.compile(
            r"\s+(?:" + _phrase_alternation(frames["perspective_nouns"]) + r")\b", re.IGNORECASE
        ),
        opinion_re=re.compile(
            r"\s+(?:own\s+)?(?:" + _phrase_alternation(frames["opinion_nouns"]) + r")\b", re.IGNORECASE
        ),
        concern_re=re.compile(
            r"\bof\s+(?:(?:"
            + _phrase_alternation(frames["concern_adjectives"])
            + r")\s+){0,2}concerns?\s+(?:"
            + "|".join(re.escape(p) for p in raw["concern_prepositions"])
            + r")\s+",
            re.IGNORECASE,
        ),
        passive_perception=_words(frames["passive_perception"]),
        group_nouns=_words(holders["group"]),
        person_nouns=_words(holders["person"]),
        institution_nouns=_words(holders["institution"]) | _words(holders["document"]),
        document_nouns=_words(holders["document"]),
        narrative_nouns=_words(holders["narrative"]),
        pronouns={str(k).casefold(): str(v) for k, v in holders["pronouns"].items()},
        author_nouns=_words(holders["author_nouns"]),
        author_determiners=_words(holders["author_determiners"]),
        determiners=_words(np_words["determiners"]),
        quantifiers=_words(np_words.get("quantifiers", ())),
        adjectives=_words(np_words["adjectives"]),
        connectors=_words(np_words["connectors"]),
        prepositions=_words(np_words["prepositions"]),
        stop_words=_words(np_words["stop_words"]),
        time_words=_words(np_words["time_words"]),
        approximators=_words(np_words["approximators"]),
        parenthetical_starts=_words(np_words["parenthetical_starts"]),
        discourse_starts=_words(np_words["discourse_starts"]),
        institution_words=frozenset(str(w) for w in names["institution_words"]),
        titles=frozenset(str(w) for w in names["titles"]),
        name_suffixes=frozenset(str(w) for w in names["suffixes"]),
        title_gender={str(t): str(p) for p, ts in names["gendered_titles"].items() for t in ts},
        name_gender={str(n): str(p) for p, ns in names["given_names"].items() for n in ns},
        states={str(k): str(v) for k, v in names["states"].items()},
        demonyms={str(k): (None if v is None else str(v)) for k, v in names["demonyms"].items()},
        groupings=frozenset(str(w) for w in names["groupings"]),
    )
