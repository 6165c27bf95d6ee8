"""Inputs that grow: each generator gives a page of about ``n`` characters.

Shared by ``tests/test_growth.py`` (ratios, no absolute times) and
``benchmarks/bench_growth.py`` (absolute times). Every generator repeats a unit
written for these tests until the page is ``n`` characters long, so doubling
``n`` doubles every construct the parser has to look at.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

__all__ = ["CASES", "growth_ratio", "median_cpu_time", "page", "repeat_to"]


def repeat_to(unit: str, n: int) -> str:
    """``unit`` repeated, cut to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _words_line(n: int) -> str:
    words = ("Alpha", "Bravo", "Corvin", "Delmar", "Estova", "Fennick", "Gorlan", "Harwell")
    return repeat_to(" ".join(words) + "\n", n)


def _capitalised_no_stop(n: int) -> str:
    words = ("Alpha", "Bravo", "Corvin", "Delmar", "Estova", "Fennick", "Gorlan", "Harwell")
    return repeat_to(" ".join(words) + " ", n)


_MIXED = (
    'Vladimir Putin said "the partnership has no limits" while Xi Jinping told reporters '
    "that ties with Moscow were strong (Reuters, 12 March 2019), and analysts at the Carnegie "
    "Endowment argued that 'Beijing holds the cards' according to TASS on 3 May; "
)

_HEAD = (
    "Russia and China draw closer\n\nBy Jane Doe\n12 March 2020\n\n"
    "The two states met in Moscow. Officials said the talks went well.\n\n"
)


def page(body: str) -> str:
    """``body`` after a headline, a byline, a date and an opening paragraph, so it is read as prose."""
    return f"{_HEAD}{body}.\n"


_UNITS: dict[str, Callable[[int], str]] = {
    # the generators named in issue 14
    "word_paragraphs": lambda n: repeat_to("Word.\n\n", n),
    "byline_lines": lambda n: repeat_to("By John Smith\n", n),
    "capitalised_lines": _words_line,
    "author_bio_lines": lambda n: repeat_to(
        "John Smith is a senior fellow at the Carnegie Endowment for International Peace.\n", n
    ),
    "mixed_long_line": lambda n: repeat_to(_MIXED, n),
    "capitalised_no_full_stop": _capitalised_no_stop,
    # the catalogue
    "one_long_line": lambda n: repeat_to("the quick brown fox jumps over the lazy dog ", n),
    "many_short_lines": lambda n: repeat_to("A short line.\n", n),
    "blank_lines": lambda n: repeat_to("Some words here.\n\n\n\n", n),
    "open_parentheses": lambda n: repeat_to("(", n),
    "nested_parentheses": lambda n: repeat_to("(a (b) c) ", n),
    "close_parentheses": lambda n: repeat_to("x) ", n),
    "open_quotes": lambda n: repeat_to('"', n),
    "quoted_words": lambda n: repeat_to('"a word" and \u201canother\u201d ', n),
    "unclosed_quote_prose": lambda n: '"' + repeat_to("the talks went on. ", n - 1),
    "capitalised_run_sentences": lambda n: repeat_to(
        "Moscow Beijing Astana Tashkent Russia China Kazakhstan Mongolia Alpha Bravo. ", n
    ),
    "byline_with_dates": lambda n: repeat_to("By Jane Doe and John Smith | March 3, 2019\n", n),
    "bio_paragraphs": lambda n: repeat_to(
        "Jane Doe is a professor at Peking University and a fellow of the Valdai Club.\n\n", n
    ),
    "dates": lambda n: repeat_to("On 12 March 2019, on March 13, 2019, in spring 2020 and in 2021. ", n),
    "digits_spaced": lambda n: repeat_to("1234567890 ", n),
    "digits_one_token": lambda n: "1" * n,
    "said_sentences": lambda n: repeat_to("Experts said that Russia and China were close partners. ", n),
    "citations": lambda n: repeat_to("The ministry said so (Reuters, 2019) and (TASS, March 3). ", n),
    "single_word": lambda n: "a" * n,
    "spaces": lambda n: "x" + " " * (n - 2) + "y",
}


# Line-shaped inputs are given raw, as a page that is nothing but them; the
# others follow the header above, so they are read as prose.
_RAW = frozenset(
    {
        "word_paragraphs",
        "byline_lines",
        "capitalised_lines",
        "author_bio_lines",
        "many_short_lines",
        "blank_lines",
    }
)
CASES: dict[str, Callable[[int], str]] = {
    name: (make if name in _RAW else (lambda n, make=make: page(make(n)))) for name, make in _UNITS.items()
}


def median_cpu_time(func: Callable[[str], object], text: str, repeat: int = 5) -> float:
    """The median CPU time (``time.process_time``) of ``func(text)`` over ``repeat`` runs.

    The garbage collector is emptied before and paused during each run, so its
    pauses do not land on one size more than another.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            func(text)
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return statistics.median(times)


def growth_ratio(
    func: Callable[[str], object], make: Callable[[int], str], n: int, repeat: int = 5
) -> tuple[float, float, float]:
    """``(t(n), t(4n), t(4n) / t(n))`` in CPU seconds, medians of ``repeat`` runs."""
    small = median_cpu_time(func, make(n), repeat)
    large = median_cpu_time(func, make(4 * n), repeat)
    return small, large, large / max(small, 1e-6)
