"""Frames: lexicon, stances, article-level summary."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_corpus.claims._extract import find_claims
from sinoru_corpus.claims._frames import claim_frames, find_frames
from sinoru_corpus.model import FrameLabel, Stance


def _frames(text: str) -> list[tuple[str, str, str]]:
    spans = [(0, len(text))]
    claims = find_claims(text, spans)
    return [(f.label.value, f.stance.value, f.evidence) for f in find_frames(text, spans, claims)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The two states have formed an alliance.",
            [("alliance", "argues", "The two states have formed an alliance")],
        ),
        (
            "An alliance of autocracies is not in the making.",
            [("alliance", "rejects", "An alliance of autocracies is not in the making")],
        ),
        (
            "Talk of an alliance is premature.",
            [("alliance", "rejects", "Talk of an alliance is premature")],
        ),
        (
            "Experts argue that the two have formed a quasi-alliance.",
            [("quasi_alliance", "reports", "Experts argue that the two have formed a quasi-alliance")],
        ),
        (
            "It is not a partnership of convenience, but a real bond.",
            [("marriage_of_convenience", "rejects", "It is not a partnership of convenience")],
        ),
        (
            "Russia is now the junior partner in the relationship.",
            [("asymmetric_junior_partner", "argues", "Russia is now the junior partner in the relationship")],
        ),
        (
            "Their interests collide in Central Asia.",
            [("rivalry", "argues", "Their interests collide in Central Asia")],
        ),
        (
            "It is possible that the strategic partnership has peaked.",
            [("partnership_peaked", "argues", "It is possible that the strategic partnership has peaked")],
        ),
        (
            "The ‘soft alliance’ narrative is popular.",
            [("quasi_alliance", "reports", "The ‘soft alliance’ narrative is popular")],
        ),
    ],
)
def test_stances(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _frames(text) == expected


def test_one_frame_per_label_majority_of_own_voice() -> None:
    text = (
        "Some say there is no alliance. The evidence points to an alliance. "
        "The alliance is real. Critics dismiss the alliance."
    )
    frames = find_frames(text, [(0, len(text))], find_claims(text, [(0, len(text))]))
    assert [(f.label, f.stance) for f in frames] == [(FrameLabel.ALLIANCE, Stance.ARGUES)]
    (frame,) = frames
    assert text[frame.start : frame.end] == frame.evidence == "The evidence points to an alliance"


def test_claim_frames_inside_a_sentence() -> None:
    text = "Moscow depends more on Beijing, and their rivalry grows."
    frames = claim_frames(text, 0, len(text))
    assert [(f.label.value, f.stance.value) for f in frames] == [
        ("asymmetric_junior_partner", "argues"),
        ("rivalry", "argues"),
    ]


def test_lexicon_is_well_formed() -> None:
    raw = json.loads(
        resources.files("sinoru_corpus").joinpath("data/frames.json").read_text(encoding="utf-8")
    )
    assert set(raw["labels"]) == {label.value for label in FrameLabel}
    seen: dict[str, str] = {}
    for label, phrases in raw["labels"].items():
        assert phrases, label
        for p in phrases:
            assert p, label
            assert p == p.strip(), (label, p)
            assert p.casefold() not in seen, f"{p!r} in both {seen.get(p.casefold())} and {label}"
            seen[p.casefold()] = label
    for key in ("reject_before", "reject_after", "report_markers"):
        assert len(raw[key]) == len({w.casefold() for w in raw[key]}), key


@given(st.text(max_size=300))
def test_never_raises_and_evidence_slices(text: str) -> None:
    frames = find_frames(text, [(0, len(text))])
    assert frames == find_frames(text, [(0, len(text))])
    assert len({f.label for f in frames}) == len(frames)
    for f in frames:
        assert text[f.start : f.end] == f.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The relationship is best understood as a strategic partnership of convenience.",
            [
                (
                    "marriage_of_convenience",
                    "argues",
                    "The relationship is best understood as a strategic partnership of convenience",
                )
            ],
        ),
        (
            "Moscow and Beijing have built an axis of convenience against the West.",
            [
                (
                    "marriage_of_convenience",
                    "argues",
                    "Moscow and Beijing have built an axis of convenience against the West",
                )
            ],
        ),
        (
            "The two powers now form a de facto alliance.",
            [("quasi_alliance", "argues", "The two powers now form a de facto alliance")],
        ),
        (
            "Russia is turning into a Chinese vassal.",
            [("asymmetric_junior_partner", "argues", "Russia is turning into a Chinese vassal")],
        ),
        (
            "The war has exposed the limits to the partnership.",
            [("partnership_peaked", "argues", "The war has exposed the limits to the partnership")],
        ),
        (
            "In February 2022 the two leaders proclaimed a “no-limits” partnership.",
            [
                (
                    "quasi_alliance",
                    "reports",
                    "In February 2022 the two leaders proclaimed a “no-limits” partnership",
                )
            ],
        ),
        (
            "Their divergent interests in India limit cooperation.",
            [("rivalry", "argues", "Their divergent interests in India limit cooperation")],
        ),
        (
            "It would be wrong to call this a marriage of convenience.",
            [
                (
                    "marriage_of_convenience",
                    "rejects",
                    "It would be wrong to call this a marriage of convenience",
                )
            ],
        ),
        (
            "Russia is far from being a vassal of China.",
            [("asymmetric_junior_partner", "rejects", "Russia is far from being a vassal of China")],
        ),
        (
            "Some Western analysts describe Russia as China’s junior partner.",
            [
                (
                    "asymmetric_junior_partner",
                    "reports",
                    "Some Western analysts describe Russia as China’s junior partner",
                )
            ],
        ),
        (
            "Talk of a Sino-Russian rivalry is overblown.",
            [("rivalry", "rejects", "Talk of a Sino-Russian rivalry is overblown")],
        ),
    ],
)
def test_phrasing_variety(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _frames(text) == expected
