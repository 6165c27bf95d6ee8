"""One pass over a text for every curated name: a token trie behind a first-token regex.

The regex (a character trie of every first word, compiled once) lets the C
engine skip to the few places where a name may start; from there the token
trie is walked word by word, keeping the longest entry whose case rules and
context hold. Cost is linear in the text: the regex has no nested
quantifiers, and a walk is bounded by the longest name's length in tokens.

Case rules (the data is written as printed):

* a token written in lowercase may appear capitalised ("former" / "Former");
* an all-caps token (an acronym, or one letter of "U.S.") must match exactly;
* after a capitalised first word, one later word may differ in case
  ("Financial times" is Financial Times), but the first word may not
  ("Chad" is not "chad"); a leading "The" is not the first word and may
  take either case ("the Conversation", but not "The conversation");
* curly and straight apostrophes, and the dashes, are the same character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from ..._pattern_cache import compile_built, compile_cached, load_built_data, source_digest
from ...model import Entity
from ._load import Surface

__all__ = ["Hit", "Matcher", "context_test", "trie_regex"]

# A word is a run of letters and digits; every other non-space character is a token of its own.
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
# Between two words of a name: nothing (joined, "U.S.") or a short run of spaces (NBSP too).
_STEP = re.compile(r"([ \t\u00a0\u2009\u202f]{0,3})([^\W_]+|[^\w\s])")
_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"}
)
_TERMINAL = ""  # trie key of a node's entries: no token folds to the empty string


#: A matched name: (start, end, entity); entity None is a non-entity that only blocks.
Hit = tuple[int, int, Entity | None]
_UNKNOWN = object()
_DELIMITER = "[\\s(\\[\u201c\"\u2018'/\\-\u2013\u2014]"


@attrs.frozen
class _Entry:
    words: tuple[str, ...]  # tokens as written in the data
    entity: Entity | None
    context: tuple[str, ...]


def _fold(token: str) -> str:
    return token.translate(_FOLD).casefold()


def _tokens(surface: str) -> list[tuple[str, str]]:
    """(separator, token) pairs; the separator is "" (joined) or " "."""
    out: list[tuple[str, str]] = []
    last = 0
    for m in _TOKEN.finditer(surface):
        out.append(("" if m.start() == last or not out else " ", m.group()))
        last = m.end()
    return out


def _key(sep: str, token: str) -> str:
    return sep + _fold(token)


def _acronymic(token: str) -> bool:
    return token.isupper()


def _case_ok(words: Sequence[str], seen: Sequence[str]) -> bool:
    # The first word after an optional leading "The" is the head of the name.
    head = 1 if len(words) > 1 and words[0].casefold() == "the" else 0
    head_capital = words[head][:1].isupper()
    loose = 0
    for i, (want, got) in enumerate(zip(words, seen, strict=True)):
        if want == got or want.translate(_FOLD) == got.translate(_FOLD):
            continue
        if _acronymic(want):
            return False
        if want.islower() and got == want[:1].upper() + want[1:]:
            continue
        if i < head and got.casefold() == "the":
            continue
        if i <= head or not head_capital:
            return False
        loose += 1
        if loose > 1:  # "Financial times" is the paper, "Eurasian economic community" a description
            return False
    return True


def trie_regex(words: Iterable[str], space: str = "[ \u00a0]+") -> str:
    """A regex matching exactly ``words``, factored as a character trie (fast in sre).

    A space in a word matches ``space`` (by default any run of spaces and NBSPs).
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_TERMINAL] = {}

    def emit(node: dict[str, Any]) -> str:
        parts = [
            (space if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch
        ]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if _TERMINAL in node else body

    return emit(trie) or "(?!)"


_SEP_RX = {"": "", " ": "[ \u00a0]{1,3}"}
_WORD_END = r"\b"
_DASHES = ("-", "\u2010", "\u2011", "\u2013", "\u2014")


def _variants(word: str, loose: bool) -> set[str]:
    """The printed forms of one data token the regex admits (the case rules check them after)."""
    if word in ("'", "\u2019", "\u2018"):
        return {"'", "\u2019", "\u2018"}
    if word in _DASHES:
        return set(_DASHES)
    out = {word}
    if word.islower():
        out.add(word[:1].upper() + word[1:])
    if loose and not _acronymic(word):
        out.update((word.lower(), word[:1].upper() + word[1:].lower()))
    return out


def _char_trie(branches: dict[str, str]) -> str:
    """A regex for ``literal + suffix`` over every (literal, suffix), factored on characters."""
    trie: dict[str, Any] = {}
    for literal, suffix in branches.items():
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[_TERMINAL] = suffix

    def emit(node: dict[str, Any]) -> str:
        parts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if _TERMINAL in node:
            parts.append(node[_TERMINAL])  # the longer token first: "Russian" before "Russia"
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(trie)


def _token_trie(surfaces: Sequence[Surface]) -> tuple[dict[str, Any], list[list[tuple[str, str]]]]:
    """The token trie of the names (node: token key -> child; _TERMINAL -> surface indexes),
    and the (separator, token) pairs of every name in it."""
    trie: dict[str, Any] = {}
    names: list[list[tuple[str, str]]] = []
    for i, surface in enumerate(surfaces):
        toks = _tokens(surface.text)
        if not toks or not toks[0][1][:1].isalnum():
            continue
        node = trie
        for sep, tok in toks:
            node = node.setdefault(_key(sep, tok), {})
        node.setdefault(_TERMINAL, []).append(i)
        names.append(toks)
    return trie, names


def _checked_trie(value: Any, size: int) -> dict[str, Any] | None:
    """``value`` if it is a token trie over ``size`` surfaces (read from a cache file), else None."""
    if not isinstance(value, dict):
        return None
    stack = [value]
    while stack:
        node = stack.pop()
        for key, child in node.items():
            if not isinstance(key, str):
                return None
            if key == _TERMINAL:
                if not isinstance(child, list) or not all(type(i) is int and 0 <= i < size for i in child):
                    return None
            elif isinstance(child, dict):
                stack.append(child)
            else:
                return None
    return value


def _patterns(trie: dict[str, Any], names: Sequence[Sequence[tuple[str, str]]]) -> tuple[str, str]:
    """The two regexes over ``trie``: names printed with a capital, and those in lowercase."""
    # node id -> {edge key: set of printed variants}
    variants: dict[int, dict[str, set[str]]] = {}
    for toks in names:
        words = tuple(t for _, t in toks)
        head = 1 if len(words) > 1 and words[0].casefold() == "the" else 0
        head_capital = words[head][:1].isupper()
        node = trie
        for i, (sep, tok) in enumerate(toks):
            key = _key(sep, tok)
            forms = variants.setdefault(id(node), {}).setdefault(key, set())
            forms.update(_variants(tok, loose=i > head and head_capital))
            if i < head:
                forms.update(("The", "the"))
            node = node[key]

    def emit(node: dict[str, Any], top: bool, upper: bool) -> str:
        groups: dict[str, dict[str, str]] = {}
        for key, forms in variants.get(id(node), {}).items():
            sep = " " if key.startswith(" ") else ""
            child = emit(node[key], False, upper)
            if top:  # many first words: factor them all on characters, the child after each
                for form in forms:
                    if form[:1].isupper() == upper:
                        end = _WORD_END if form[-1:].isalnum() else ""
                        groups.setdefault(sep, {})[form] = end + child
            else:  # few words follow a given word: one branch per word, its forms factored
                end = _WORD_END if key[-1:].isalnum() else ""
                # longest first; equal lengths in a fixed order, so the pattern (and its cache key) is
                # the same in every process (two forms of one length never match at one place)
                token = "|".join(map(re.escape, sorted(sorted(forms), key=len, reverse=True)))
                token = f"(?:{token})" if len(forms) > 1 else token
                groups.setdefault(sep, {})[key] = f"{token}{end}{child}"
        parts = []
        for sep, branches in sorted(groups.items()):
            if top:
                parts.append(_SEP_RX[sep] + _char_trie(branches))
            else:
                body = "|".join(branches.values())
                parts.append(_SEP_RX[sep] + (f"(?:{body})" if len(branches) > 1 else body))
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return body if top else f"(?:{body})?" if _TERMINAL in node else f"(?:{body})"

    # No lookbehind on the capitalised pattern: a leading character class lets the
    # engine skip fast; the rare match inside a word is dropped in ``scan``.
    # The lowercase names start after a delimiter, which the pattern consumes: a leading
    # class of a few characters is again fast to skip to; the span's start is tried apart.
    return emit(trie, True, True) or "(?!)", emit(trie, True, False) or "(?!)"


class Matcher:
    """The compiled matcher over a table of surfaces.

    Two regexes hold every name as a trie of tokens, each level factored on
    characters: one for names printed with a capital (the C engine skips
    everything else quickly), one for the few written in lowercase. The
    token trie behind them checks the case rules and context of a match; a
    match that fails them is retried word by word for a shorter name.
    """

    __slots__ = ("_cache", "_entry", "_regexes", "_static", "_surfaces", "_trie")

    def __init__(self, surfaces: Sequence[Surface]) -> None:
        self._surfaces = tuple(surfaces)
        self._cache: dict[str, tuple[_Entry, ...]] = {}
        self._static: dict[str, Entity | None] = {}  # surfaces whose reading needs no context
        self._entry: dict[int, _Entry] = {}  # surface index -> its entry, made on first match
        built: list[tuple[dict[str, Any], list[list[tuple[str, str]]]]] = []

        def fresh() -> tuple[dict[str, Any], list[list[tuple[str, str]]]]:
            if not built:
                built.append(_token_trie(self._surfaces))
            return built[0]

        # The trie and the patterns depend only on the printed forms and this module's code: a
        # fresh process reads them from the on-disk cache instead of building them.
        digest = source_digest(__file__)
        recipe = "\0".join([digest or "", *(s.text for s in self._surfaces)])
        trie = None
        if digest is not None:
            stored = load_built_data(f"gazetteer trie\0{recipe}", lambda: fresh()[0])
            trie = _checked_trie(stored, len(self._surfaces))
        self._trie: dict[str, Any] = fresh()[0] if trie is None else trie

        patterns: list[str] = []

        def pattern(i: int) -> str:
            if not patterns:
                upper, lower = _patterns(*fresh())
                patterns.extend((upper, _DELIMITER + lower, lower))
            return patterns[i]

        def compiled(i: int) -> re.Pattern[str]:
            if digest is None:  # the module's source cannot be read: cache by the pattern itself
                return compile_cached(pattern(i))
            return compile_built(f"gazetteer matcher {i}\0{recipe}", lambda: pattern(i))

        self._regexes = (compiled(0), compiled(1), compiled(2))

    def _entries_at(self, node: dict[str, Any]) -> list[_Entry]:
        """The entries of the names ending at ``node`` (made from the surfaces on first use)."""
        out = []
        for i in node.get(_TERMINAL, ()):
            entry = self._entry.get(i)
            if entry is None:
                surface = self._surfaces[i]
                words = tuple(t for _, t in _tokens(surface.text))
                entry = self._entry[i] = _Entry(words, surface.entity, surface.context)
            out.append(entry)
        return out

    def scan(self, text: str, start: int, end: int, has_word: Callable[[str], bool]) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits in ``text[start:end]``, in order."""
        upper, lower, bare = self._regexes
        hits = self._pass(upper, 0, text, start, end, has_word)
        extra = self._pass(lower, 1, text, start, end, has_word)
        if text[start : start + 1].islower():
            extra += [
                h
                for h in self._pass(bare, 0, text, start, min(end, start + 300), has_word)[:1]
                if h[0] == start
            ]
        if not extra:
            return hits
        merged = sorted(hits + extra, key=lambda h: (h[0], -h[1]))
        out: list[Hit] = []
        last = -1
        for hit in merged:
            if hit[0] >= last:
                out.append(hit)
                last = hit[1]
        return out

    def _pass(
        self,
        rx: re.Pattern[str],
        skip: int,
        text: str,
        start: int,
        end: int,
        has_word: Callable[[str], bool],
    ) -> list[Hit]:
        """One regex's hits; ``skip`` characters of each match are its delimiter, not the name."""
        out: list[Hit] = []
        static = self._static
        cache = self._cache
        if len(cache) > 100_000:  # bound the memo on a stream of odd surfaces
            cache.clear()
            static.clear()
        pos = start
        while pos < end:
            restart = -1
            for m in rx.finditer(text, pos, end):
                m_start, m_end = m.span()
                m_start += skip
                if m_start and text[m_start - 1].isalnum():
                    restart = m_start + 1  # inside a word ("XinhuaNet" is not "Net"): look again
                    break
                surface = text[m_start:m_end]
                entity = static.get(surface, _UNKNOWN)
                if entity is not _UNKNOWN:
                    out.append((m_start, m_end, entity))  # type: ignore[arg-type]
                    continue
                entries = cache.get(surface)
                if entries is None:
                    entries = cache[surface] = self._entries(surface)
                    if entries and not any(e.context for e in entries):
                        static[surface] = _choose(entries, has_word).entity  # type: ignore[union-attr]
                entry = _choose(entries, has_word) if entries else None
                if entry is not None:
                    out.append((m_start, m_end, entry.entity))
                    continue
                hit = self._walk(text, m_start, end, has_word)  # case or context failed: a shorter name?
                if hit is not None:
                    out.append(hit)
                restart = hit[1] if hit is not None else m_start + 1 - skip
                break
            if restart < 0:
                break
            pos = restart
        return out

    def _entries(self, surface: str) -> tuple[_Entry, ...]:
        """The entries the exact printed ``surface`` may be, by the case rules."""
        node: dict[str, Any] | None = self._trie
        seen: list[str] = []
        pos = 0
        while pos < len(surface) and node is not None:
            s = _STEP.match(surface, pos)
            if s is None:
                return ()
            gap, tok = s.group(1), s.group(2)
            node = node.get((" " if gap and seen else "") + _fold(tok))
            seen.append(tok)
            pos = s.end()
        if node is None:
            return ()
        return tuple(e for e in self._entries_at(node) if _case_ok(e.words, seen))

    def _walk(self, text: str, start: int, end: int, has_word: Callable[[str], bool]) -> Hit | None:
        """The longest valid name starting at ``start``, word by word (the slow path)."""
        first = _STEP.match(text, start, end)
        if first is None or first.group(1):
            return None
        node = self._trie.get(_fold(first.group(2)))
        seen = [first.group(2)]
        tok_end = first.end()
        best: Hit | None = None
        while node is not None:
            if _TERMINAL in node:
                valid = [e for e in self._entries_at(node) if _case_ok(e.words, seen)]
                entry = _choose(tuple(valid), has_word)
                if entry is not None:
                    best = (start, tok_end, entry.entity)
            s = _STEP.match(text, tok_end, end)
            if s is None:
                break
            gap, tok = s.group(1), s.group(2)
            if gap and not tok[:1].isalnum():
                break  # a name never has a space before punctuation
            node = node.get((" " if gap else "") + _fold(tok))
            seen.append(tok)
            tok_end = s.end()
        return best


class _ContextTest:
    """Whether a word occurs in the article (not inside a longer word), memoised per article.

    The word is found by C-level substring search; only its occurrences are checked
    for letters or digits on either side (what ``(?<![^\\W_])word(?![^\\W_])`` asks:
    ``[^\\W_]`` is exactly ``str.isalnum``). An absent word costs one ``str.find``
    over the text, not a regex scan, and nothing is held per page.
    """

    __slots__ = ("_cache", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._cache: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = _occurs(self._text, word)
        return found


_MAX_INNER = 64  # occurrences inside longer words tried one by one before the regex takes over


def _occurs(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no letter or digit right before or after it."""
    if not word:
        return re.search(r"(?<![^\W_])(?![^\W_])", text) is not None
    n, size = len(word), len(text)
    i = text.find(word)
    tries = 0
    while i >= 0:
        j = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (j >= size or not text[j].isalnum()):
            return True
        tries += 1
        if tries > _MAX_INNER:  # a word hidden in many longer ones: one regex scan from here
            pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")
            return pattern.search(text, i + 1) is not None
        i = text.find(word, i + 1)
    return False


def context_test(text: str) -> _ContextTest:
    return _ContextTest(text)


def _choose(entries: tuple[_Entry, ...], has_word: Callable[[str], bool]) -> _Entry | None:
    """The entry a match stands for: a satisfied context first, then a context-free entity."""
    fallback: _Entry | None = None
    for entry in entries:
        if entry.context:
            if any(has_word(w) for w in entry.context):
                return entry  # a satisfied context is the most specific reading
        elif fallback is None or (fallback.entity is None and entry.entity is not None):
            fallback = entry
    return fallback
