"""Who holds a position: tokens, subject noun phrases, and their speakers.

A subject is read right to left from the word before a reporting verb, over
names, titles, determiners and adjectives, until a clause boundary.  Its head
decides what it is: a lexicon holder noun ("experts", "the Kremlin", "the
transcript"), a state or capital, a pronoun to resolve, or a capitalised name.
Entity mentions (when the gazetteer supplies them) link the speaker to its
Person or Institution; otherwise names are resolved inside the article
("Trenin" -> "Dmitri Trenin" from an earlier full mention).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

import attrs

from ..model import Institution, Mention, Person, Region, RegionKind, Speaker, SpeakerKind
from ._grammar import grammar_list, grammar_words
from ._lexicon import ClaimLexicon, claim_lexicon, trie_regex

__all__ = ["QUOTE_MARKS", "Holder", "NameIndex", "Token", "classify", "np_left", "np_right", "tokenize"]

Token = tuple[int, int, str]

_ADJ_SUFFIXES = grammar_list("adjective_suffixes")
_SINGLE_QUOTES = frozenset("‘’'")
_MAX_NP = 16
_NAME_PARTICLES = grammar_words("name_particles")
_INNER_NAME_LINKS = grammar_words("inner_name_links")  # "Trenin of the Carnegie Moscow Centre"
_POSSESSOR_DETERMINERS = grammar_words("possessor_determiners")  # "the campaign’s"
_PHRASE_STOP_EXCEPTIONS = grammar_words("phrase_stop_exceptions")  # stop words inside a noun phrase
_RELATIVE_PRONOUNS = grammar_words("relative_pronouns")
_PRONOUNS_WITH_S = grammar_words("pronouns_with_s")  # "he’s often alleged": he has / he is
_AFFILIATION_LINKS = grammar_words("affiliation_links")  # "X of the Carnegie Moscow Centre"
# Double quotation marks of every style, as tokens: opening, closing, and the undirected ones
# (a straight quote, or two apostrophes as some newspapers print them) that open or close.
_OPEN_QUOTES = frozenset({"“", "``", "«", "„"})
_CLOSING_QUOTES = frozenset({"”", "»"})
_STRAIGHT_QUOTES = frozenset({'"', "''"})
QUOTE_MARKS = _OPEN_QUOTES | _CLOSING_QUOTES | _STRAIGHT_QUOTES


@functools.cache
def _token_re() -> re.Pattern[str]:
    # A token is a run of words joined by inner apostrophes, hyphens, dots (a "chain"), an
    # initial with its period ("K."), a dotted abbreviation with its final period ("U.S.",
    # "Ph.D.": a chain whose last part is one letter after a dot), or one punctuation mark.
    # Possessive quantifiers read each chain once, with no backtracking; group 1 is the
    # skipped gap (whitespace and "_") so offsets come from lengths, not Match objects.
    sep = r"[’'\-–.:&/]"  # an em dash glued to words ("rally—people") is a dash, not a joint
    # titles written with a period ("Mr.", "Sen.") stay one token, so "Mr. Obama" is one name
    dotted = sorted(t[:-1] for t in claim_lexicon().titles if t.endswith(".") and t[:-1].isalpha())
    return re.compile(
        r"([\s_]*+)("
        r"''|``"  # a double quote written as two apostrophes or two backticks is one mark
        rf"|(?:{trie_regex(dotted)})\.(?![^\W_])"
        r"|[A-Z]\.(?![^\W_])"
        rf"|[^\W_]++(?:(?:{sep}[^\W_]++)++(?<=\.[^\W_])\.(?![^\W_])|(?:{sep}[^\W_]++)*+)"
        r"|[^\w\s])"
    )


@functools.cache
def _name_re() -> re.Pattern[str]:
    # runs of 2-6 capitalised words, optionally joined by "of"/"the" (data: name_joiners); the
    # capital comes before the word-start check so the engine can skip ahead to capitals instead of
    # testing every position
    joiners = "|".join(
        [
            *(re.escape(w) + r"\s" for w in grammar_list("name_joiners")),
            *map(re.escape, grammar_list("name_prefixes")),
        ]
    )
    return re.compile(r"[A-Z](?<![\w’'-].)[\w’'-]{0,30}(?:\s(?:" + joiners + r")?[A-Z][\w’'-]{0,30}){1,5}")


def _plural_possessive(text: str, out: Sequence[Token], tok: Token, end: int, open_single: bool) -> bool:
    # "the teachers’ union", "Pilots’ Academy": an apostrophe glued to a word ending in -s and
    # followed by a space is the plural possessive, unless a single quotation is open (the
    # closing mark of "the ‘soft alliances’ narrative")
    if open_single or not out or tok[2] not in ("’", "'"):
        return False
    prev = out[-1]
    return (
        prev[1] == tok[0]
        and prev[2][-1:] in ("s", "S")
        and prev[2][:1].isalpha()
        and tok[1] < end
        and text[tok[1]].isspace()
    )


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words (with inner apostrophes, hyphens, dots) and single punctuation marks, with offsets.

    A plural possessive keeps its apostrophe (``teachers’``), so the possessive reads as one word;
    a spaced hyphen or a double hyphen reads as a dash (token ``–``).
    """
    out: list[Token] = []
    pos = start
    open_single = False
    for gap, tok in _token_re().findall(text, start, end):
        pos += len(gap)
        after = pos + len(tok)
        cur = (pos, after, tok)
        pos = after
        if _plural_possessive(text, out, cur, end, open_single):
            out[-1] = (out[-1][0], after, out[-1][2] + tok)
            continue
        if tok == "-" and (gap or (out and out[-1][2] == "–" and out[-1][1] == cur[0])):
            # a spaced hyphen or a double hyphen is a dash: "the scholars - Tribe and Amar - agreed"
            if out and out[-1][2] == "–" and out[-1][1] == cur[0]:
                out[-1] = (out[-1][0], after, "–")
                continue
            if after >= end or text[after].isspace() or text.startswith("-", after):
                cur = (cur[0], after, "–")
        if tok == "‘" or (
            tok == "'" and (not out or out[-1][1] < cur[0]) and after < end and text[after].isalnum()
        ):
            open_single = True  # a single quotation opens
        elif tok in ("’", "'"):
            open_single = False
        out.append(cur)
    return out


def possessive_base(word: str) -> str | None:
    """``Russia’s`` -> ``Russia``, ``teachers’`` -> ``teachers``; None when the word is not a possessive."""
    if len(word) > 2 and word[-2:] in ("’s", "'s"):
        return word[:-2]
    if len(word) > 2 and word[-1] in ("’", "'") and word[-2] in ("s", "S"):
        return word[:-1]
    return None


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _is_adjective(low: str, lex: ClaimLexicon) -> bool:
    return low in lex.adjectives or (low.isalpha() and len(low) > 4 and low.endswith(_ADJ_SUFFIXES))


def is_head(word: str, lex: ClaimLexicon) -> bool:
    """Whether a word can end a subject noun phrase."""
    low = word.casefold()
    if low in lex.pronouns or (possessive_base(low) or "") in lex.pronouns:
        return True  # "he", and "he’s" (he has, he is)
    if possessive_base(word) is not None:
        return False
    if low in lex.stop_words or (low in lex.determiners and low not in lex.group_nouns):
        return False
    if (
        low in lex.group_nouns
        or low in lex.person_nouns
        or low in lex.institution_nouns
        or low in lex.narrative_nouns
        or low in lex.author_nouns
    ):
        return True
    return _is_cap(word) and any(ch.isalpha() for ch in word) and low not in lex.auxiliaries


def np_left(toks: Sequence[Token], j: int, lo: int, lex: ClaimLexicon) -> int | None:
    """Index of the first token of the noun phrase that ends at ``toks[j]``, or None."""
    if j < lo or not is_head(toks[j][2], lex):
        return None
    if toks[j][2].casefold() in lex.pronouns:
        return j  # a pronoun takes no modifiers: "one he calls …"
    lo = max(lo, j - _MAX_NP)  # bounded: a long run of capitalised words stays linear
    a = j
    k = j - 1
    seen_det = False
    while k >= lo:
        word = toks[k][2]
        low = word.casefold()
        if word in _SINGLE_QUOTES and not seen_det:
            # a quoted label inside the phrase: the ‘soft alliance’ narrative
            m = k - 1
            while m >= lo and m >= k - 8 and toks[m][2] not in _SINGLE_QUOTES:
                m -= 1
            if m >= lo and toks[m][2] in _SINGLE_QUOTES and m < k - 1:
                a = m
                k = m - 1
                continue
            break
        if (
            low == "the"
            and k - 2 >= lo
            and toks[k - 1][2].casefold() in _INNER_NAME_LINKS
            and _is_cap(toks[k - 2][2])
            and _is_cap(toks[k + 1][2])
        ):
            a = k - 1  # "Trenin of the Carnegie Moscow Centre": the article belongs to the inner name
            k -= 2
            continue
        if low in lex.determiners:
            seen_det = True
            a = k
            k -= 1
            continue
        if (
            low == "of"
            and seen_det
            and k - 1 >= lo
            and (toks[k - 1][2].casefold() in lex.quantifiers or toks[k - 1][2].isdigit())
        ):
            a = k - 1  # "Some of the experts", "None of these analysts", "40 of the senators"
            k -= 2
            continue
        if seen_det:
            break
        if possessive_base(word) is not None and (
            _is_cap(word) or (k - 1 >= lo and toks[k - 1][2].casefold() in _POSSESSOR_DETERMINERS)
        ):  # "Russia’s", "the campaign’s"
            a = k
            k -= 1
            continue
        if low in lex.stop_words and low != "and":
            break
        if low == "of" and k - 1 >= lo and toks[k - 1][2].casefold() in lex.quantifiers and not seen_det:
            a = k  # "a number of Russian commentators", "some of the experts"
            k -= 1
            continue
        if (
            low == "to"
            and k - 1 >= lo
            and _is_cap(toks[k + 1][2])
            and _is_cap(toks[k - 1][2])
            and toks[k - 1][2].casefold() in lex.person_nouns
        ):
            a = k  # a capitalised role and its post: "Norway's Ambassador to Spain", "Special Envoy to Chad"
            k -= 1
            continue
        if low in lex.connectors:
            # "Minister of Defense", "Trenin of the Carnegie Centre", "Beijing and Moscow"
            nxt = toks[k + 1][2]
            prev = toks[k - 1][2] if k - 1 >= lo else ""
            joins_names = _is_cap(nxt) or nxt.casefold() == "the"
            left_ok = _is_cap(prev) or (low == "and" and (_is_adjective(prev.casefold(), lex)))
            if low == "and" and prev.casefold() in lex.group_nouns | lex.person_nouns | lex.institution_nouns:
                left_ok = True
            if (joins_names or low == "and") and left_ok and prev.casefold() not in lex.stop_words:
                a = k
                k -= 1
                continue
            break
        if _is_cap(word) and any(ch.isalpha() for ch in word) and low not in lex.stop_words:
            if (
                low in lex.auxiliaries
                or low in lex.adverbs
                or low in lex.prepositions
                or low in lex.discourse_starts
            ):
                break
            a = k
            k -= 1
            continue
        if word.islower() and (
            _is_adjective(low, lex)
            or (low in lex.group_nouns and k == j - 1)
            or (low in lex.person_nouns and _is_cap(toks[k + 1][2]))  # "his nephew Omar Saleh"
        ):
            a = k
            k -= 1
            continue
        if word.islower() and "-" in word and word.replace("-", "").isalpha():
            a = k
            k -= 1
            continue
        break
    while a < j and toks[a][2].casefold() in lex.connectors and toks[a][2].casefold() != "the":
        a += 1
    return a


def np_right(toks: Sequence[Token], i: int, hi: int, lex: ClaimLexicon, *, limit: int = 16) -> int | None:
    """Index just past a noun phrase that starts at ``toks[i]`` and runs to a clause mark (or None)."""
    k = i
    depth = 0
    while k < hi and k - i < limit:
        word = toks[k][2]
        if word == "(":
            depth += 1
        elif word == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (word in {",", ";", ":", ".", "!", "?", "–", "—"} or word in QUOTE_MARKS):
            break
        elif (
            depth == 0
            and word.casefold() in lex.stop_words
            and word.casefold() not in _PHRASE_STOP_EXCEPTIONS
        ):
            if k > i and word.casefold() in _RELATIVE_PRONOUNS:
                break
            if k > i:
                break
        k += 1
    if k == i or k - i >= limit:
        return None
    return k


@attrs.frozen
class Holder:
    """A resolved subject: the speaker, its kind, and where its phrase is."""

    name: str
    kind: SpeakerKind | None  # None: a pronoun still to resolve
    start: int
    end: int
    pronoun: str = ""
    entity: Person | Institution | None = None
    country: str | None = None
    state: bool = False
    proper: bool = False

    def speaker(self) -> Speaker:
        return Speaker(self.name, self.kind or SpeakerKind.GROUP, entity=self.entity, country=self.country)


class NameIndex:
    """Article-level lookups: entity mentions by offset, and full names for bare surnames."""

    def __init__(self, text: str, mentions: Sequence[Mention], lex: ClaimLexicon) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.lex = lex
        self._full: dict[str, str] | None = None

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``, in order."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end:
                out.append(m)
            i += 1
        return out

    def full_name(self, word: str) -> str:
        """``Trenin`` -> ``Dmitri Trenin`` when the article names him in full somewhere."""
        if self._full is None:
            self._full = {}
            for m in _name_re().finditer(self.text):
                raw = m.group().split()
                cut = next((n for n, w in enumerate(raw[:-1]) if possessive_base(w) is not None), None)
                if cut is not None:
                    raw = raw[: cut + 1]  # "Moss’ pension plan": a possessive ends the name
                parts = strip_titles(raw, self.lex)
                if not 2 <= len(parts) <= 3 or not person_like(parts, self.lex):
                    continue
                full = " ".join(parts)
                for p in parts:
                    key = p.casefold()
                    if key not in self._full or len(full) > len(self._full[key]):
                        self._full[key] = full
        return self._full.get(word.casefold(), word)


def strip_titles(words: list[str], lex: ClaimLexicon) -> list[str]:
    """Drop leading titles and demonyms: ``US Deputy Secretary of State Kurt Campbell`` -> Kurt Campbell."""
    words = [possessive_base(w) or w for w in words]
    i = 0
    while i < len(words) - 1 and (
        words[i] in lex.titles
        or words[i] in lex.demonyms
        or words[i] in lex.states
        or words[i].casefold() in lex.connectors
        or words[i].casefold() in lex.determiners
        or words[i].casefold() in lex.person_nouns
        or words[i].casefold() in lex.adjectives
    ):
        i += 1
    # a place or a rank before the last title: "Texas Sen. Ted Cruz", "Former Gov. Rita Chase"
    last = max((n for n, w in enumerate(words[:-1]) if w in lex.titles and "." in w), default=-1)
    if last >= i and all(_is_cap(w) for w in words[i:last]):
        i = last + 1
    return words[i:]


def person_like(words: Sequence[str], lex: ClaimLexicon) -> bool:
    if len(words) > 1 and words[-1] in lex.name_suffixes:
        words = words[:-1]  # "Charles McCullough III", "John Roberts Jr."
    if not words or len(words) > 4:
        return False
    for n, w in enumerate(words):
        if 0 < n < len(words) - 1 and w in _NAME_PARTICLES:
            continue  # "Omar el Saleh", "Ursula von Berg"
        if not _is_cap(w) or w in lex.institution_words or w in lex.states or w in lex.demonyms:
            return False
        if w.isupper() and len(w) > 1 and not (len(w) == 2 and w.endswith(".")):  # not an initial
            return False
        low = w.casefold()
        if w in lex.titles or w in lex.groupings or low in lex.stop_words or low in lex.prepositions:
            return False
        if low in lex.time_words:
            return False
        if (
            low in lex.discourse_starts
            or low in lex.determiners
            or low in lex.auxiliaries
            or low in lex.adverbs
        ):
            return False
    return True


def _country_of(words: Sequence[str], lex: ClaimLexicon) -> str | None:
    for w in words:
        base = possessive_base(w) or w
        for part in re.split(r"[-—–]", base):
            if lex.demonyms.get(part):
                return lex.demonyms[part]
            if part in lex.states:
                return lex.states[part]
    return None


def classify(
    toks: Sequence[Token], a: int, j: int, index: NameIndex, lex: ClaimLexicon, *, trim_post: bool = False
) -> Holder | None:
    """The holder named by ``toks[a..j]`` (a subject phrase), or None when it cannot hold a position."""
    text = index.text
    start, end = toks[a][0], toks[j][1]
    words = [t[2] for t in toks[a : j + 1]]
    head = words[-1]
    low = head.casefold()
    if low in lex.time_words:
        return None  # "said Sunday", "confirmed on Facebook Friday": a time, not a speaker
    name = text[start:end]
    if len(words) == 1 and low in lex.pronouns:
        return Holder(name, None, start, end, pronoun=low)
    if len(words) == 1 and (possessive_base(low) or "") in _PRONOUNS_WITH_S:
        pron = low[:-2]  # "he’s often alleged": he has / he is
        return Holder(name[:-2], None, start, end - 2, pronoun=pron)
    own = words[0].casefold() in lex.author_determiners and not (
        (low == "report" or low in lex.document_nouns) and words[0] in ("the", "The")
    )  # "The study found …" in a news report is the study's finding, "This study finds" the author's
    if low in lex.author_nouns and own and len(words) <= 3:
        return Holder(name, SpeakerKind.AUTHOR, start, end)
    mentions = index.within(start, end)
    persons = [m for m in mentions if isinstance(m.entity, Person)]
    lows = [w.casefold() for w in words]
    if "to" in lows[1:-1] and lows[lows.index("to") - 1] in lex.person_nouns and not persons:
        # "Norway's Ambassador to Spain": the role is the head, its post a place
        return Holder(name, SpeakerKind.PERSON, start, end, country=_country_of(words, lex))
    coordinated = "and" in lows and _is_cap(words[0] if lows[0] not in lex.determiners else words[-1])
    if coordinated and ("and" in lows[1:-1]):
        left = words[: lows.index("and")]
        if left and (_is_cap(left[-1]) or left[-1].casefold() in lex.group_nouns | lex.person_nouns):
            return Holder(name, SpeakerKind.GROUP, start, end, country=_country_of(words, lex), proper=True)
    if persons and (persons[-1].end >= end - 3 or low not in lex.group_nouns):
        p = persons[-1].entity
        assert isinstance(p, Person)
        return Holder(p.name, SpeakerKind.PERSON, start, end, entity=p, proper=True)
    if low in lex.group_nouns or low in lex.narrative_nouns:
        return Holder(name, SpeakerKind.GROUP, start, end, country=_country_of(words, lex))
    if low in lex.person_nouns:
        return Holder(name, SpeakerKind.PERSON, start, end, country=_country_of(words, lex))
    insts = [m for m in mentions if isinstance(m.entity, Institution) and m.end >= end - 3]
    if insts:
        inst = insts[-1].entity
        assert isinstance(inst, Institution)
        return Holder(name, SpeakerKind.INSTITUTION, start, end, entity=inst, proper=True)
    if low in lex.institution_nouns:
        return Holder(name, SpeakerKind.INSTITUTION, start, end, country=_country_of(words, lex))
    regions = [m for m in mentions if isinstance(m.entity, Region) and m.end >= end - 3]
    if regions:
        reg = regions[-1].entity
        assert isinstance(reg, Region)
        if reg.kind in (RegionKind.COUNTRY, RegionKind.CITY, RegionKind.ISLAND_TERRITORY):
            return Holder(
                name, SpeakerKind.INSTITUTION, start, end, country=_country_of(words, lex), state=True
            )
        if reg.kind is RegionKind.OTHER and reg.name.casefold().endswith("west"):
            return Holder(name, SpeakerKind.GROUP, start, end, state=True)
        return None
    if not _is_cap(head):
        return None
    if (
        len(words) == 1
        and a >= 2
        and j + 1 < len(toks)
        and toks[j + 1][2] == "."
        and toks[j + 1][0] == end
        and toks[a - 1][2] == ","
        and _is_cap(toks[a - 2][2])
    ):
        return None  # "Salem, Ore.,": a state's abbreviation after its city, no speaker
    if a == 0 and len(words) == 1 and head not in lex.states and _gerund_opener(head, index):
        return None  # "Running counter to all that …": a participle opening the sentence
    return _classify_name(words, start, end, name, index, lex)


def _gerund_opener(word: str, index: NameIndex) -> bool:
    """A capitalised *-ing* word the article never prints as part of a longer name."""
    return (
        len(word) > 5
        and word.endswith("ing")
        and word[1:].islower()
        and word.isalpha()
        and index.full_name(word) == word
    )


def _classify_name(
    words: list[str], start: int, end: int, name: str, index: NameIndex, lex: ClaimLexicon
) -> Holder | None:
    stripped = strip_titles(words, lex)
    roles = [n for n, w in enumerate(stripped[:-1]) if w.islower() and w in lex.person_nouns]
    if roles and person_like(stripped[roles[-1] + 1 :], lex):
        stripped = stripped[roles[-1] + 1 :]  # "CNBC moderator Carl Quint": the name after its role
    joined = " ".join(stripped)
    if joined in lex.states or (len(stripped) == 1 and stripped[0] in lex.states):
        return Holder(
            name, SpeakerKind.INSTITUTION, start, end, country=lex.states[joined], state=True, proper=True
        )
    if joined in lex.groupings or joined.removeprefix("the ") in lex.groupings:
        kind = SpeakerKind.GROUP if joined.casefold().endswith("west") else SpeakerKind.INSTITUTION
        return Holder(name, kind, start, end, state=kind is SpeakerKind.GROUP, proper=True)
    # "Dmitri Trenin of the Carnegie Moscow Centre": a person and their affiliation
    for cut, w in enumerate(stripped):
        if w.casefold() in _AFFILIATION_LINKS and cut > 0 and person_like(stripped[:cut], lex):
            person = " ".join(stripped[:cut])
            if len(stripped[:cut]) == 1:
                person = index.full_name(person)
            return Holder(person, SpeakerKind.PERSON, start, end, proper=True)
    if any(w in lex.institution_words for w in stripped) or (len(stripped) == 1 and stripped[0].isupper()):
        return Holder(name, SpeakerKind.INSTITUTION, start, end, country=_country_of(words, lex), proper=True)
    if len(stripped) > 1 and any(w.isupper() and w.isalpha() and len(w) > 1 for w in stripped):
        # an acronym inside a longer name is an organisation: "the news site KTV Info"
        return Holder(name, SpeakerKind.INSTITUTION, start, end, country=_country_of(words, lex), proper=True)
    if all(w in lex.demonyms for w in stripped):
        return None  # "Russian" alone is an adjective, not a speaker
    if len(stripped) == 1 and ":" in stripped[0]:
        return Holder(name, SpeakerKind.INSTITUTION, start, end, proper=True)  # Re:Russia, an outlet
    if person_like(stripped, lex):
        person = " ".join(stripped)
        if len(stripped) == 1:
            person = index.full_name(person)
        return Holder(person, SpeakerKind.PERSON, start, end, proper=True)
    if len(stripped) == 1 and ":" in stripped[0]:
        return Holder(name, SpeakerKind.INSTITUTION, start, end, proper=True)  # Re:Russia, an outlet
    return None
