"""The claim lexicon's speed-minded forms keep their meaning: tries, fixed pattern text, lazy cues."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.claims._lexicon import claim_lexicon, trie_regex

_WORDS = st.lists(st.text(alphabet="ab c’-", max_size=6), min_size=1, max_size=12)


@given(_WORDS, st.text(alphabet="ab c’-", max_size=8))
def test_trie_regex_matches_exactly_its_words(words: list[str], probe: str) -> None:
    pattern = re.compile("(?:" + trie_regex(words) + ")")
    assert (pattern.fullmatch(probe) is not None) == (probe in set(words))


@given(_WORDS)
def test_trie_regex_renders_each_character_once(words: list[str]) -> None:
    seen: list[str] = []

    def unit(ch: str) -> str:
        seen.append(ch)
        return r"\s+" if ch == " " else re.escape(ch)

    spaced = re.compile("(?:" + trie_regex(words, unit) + ")")
    assert len(seen) == len(set(seen))
    for w in words:
        assert spaced.fullmatch(w.replace(" ", "  \t")) is not None


def test_catenative_end_finds_a_catenative_before_the_verb() -> None:
    lex = claim_lexicon()
    text = "The ministry seeks to portray"
    window_end = text.index(" portray")
    m = lex.catenative_end.search(text, 0, window_end)
    assert m is not None
    assert text[m.start() : window_end] == "seeks to"
    assert lex.catenative_end.search("The ministry seeks", 0, len("The ministry seeks")) is None


def test_cue_continuations_compile_on_use() -> None:
    lex = claim_lexicon()
    cues = [c for cs in lex.verbs.values() for c in cs if c.rest is not None]
    assert cues
    cue = cues[0]
    assert cue.rest is cue.rest  # compiled once, then the same pattern
    assert cue.rest.flags & re.IGNORECASE


def _patterns_in_fresh_process() -> str:
    code = (
        "from sinoru_corpus.claims._lexicon import claim_lexicon as c; l = c(); "
        "print(l.trigger.pattern + l.catenative_end.pattern + l.adverb_end.pattern)"
    )
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


def test_lexicon_patterns_are_the_same_in_every_process() -> None:
    # the on-disk pattern cache is keyed by the pattern text: it must not depend on set order
    # (string hashing is randomised per process)
    assert _patterns_in_fresh_process() == _patterns_in_fresh_process()
