"""The curated layout cue vocabulary (``data/layout_cues.json``), loaded once on first use."""

from __future__ import annotations

import functools
from typing import Any

import attrs

from .._data import casefolded as _words
from .._data import load_json
from ..model import InstitutionKind

__all__ = ["LayoutCues", "layout_cues"]


@attrs.frozen
class LayoutCues:
    """Casefolded cue sets; see the data file's comment for what each one means."""

    furniture_lines: frozenset[str]
    furniture_contains: tuple[str, ...]
    reading_time_contains: tuple[str, ...]
    navigation_lines: frozenset[str]
    navigation_words: frozenset[str]
    navigation_joiners: frozenset[str]
    breadcrumb_separators: tuple[str, ...]
    section_kinds: frozenset[str]
    caption_lines: frozenset[str]
    caption_prefixes: tuple[str, ...]
    caption_suffixes: tuple[str, ...]
    caption_contains: tuple[str, ...]
    figure_labels: frozenset[str]
    figure_prefixes: tuple[str, ...]
    disclaimer_contains: tuple[str, ...]
    tag_prefixes: tuple[str, ...]
    topic_words: frozenset[str]
    honorifics: frozenset[str]
    degrees: frozenset[str]
    name_particles: frozenset[str]
    not_name_words: frozenset[str]
    bio_roles: frozenset[str]
    institution_heads: tuple[tuple[str, InstitutionKind], ...]
    igo_acronyms: frozenset[str]
    bio_verbs: frozenset[str]
    bio_prepositions: tuple[str, ...]
    self_reference_verbs: tuple[str, ...]
    future_markers: tuple[str, ...]
    past_markers: tuple[str, ...]
    closing_prefixes: tuple[str, ...]
    caption_endings: tuple[str, ...]
    abstract_headings: frozenset[str]
    tail_headings: frozenset[str]
    closing_headings: frozenset[str]
    standfirst_prefixes: tuple[str, ...]
    update_note_prefixes: tuple[str, ...]
    credit_contains: tuple[str, ...]
    notice_contains: tuple[str, ...]
    dateline_labels: frozenset[str]


def _load(raw: dict[str, Any]) -> LayoutCues:
    heads = raw["institution_heads"]
    return LayoutCues(
        furniture_lines=_words(raw["furniture_lines"]),
        furniture_contains=tuple(sorted(_words(raw["furniture_contains"]))),
        reading_time_contains=tuple(sorted(_words(raw["reading_time_contains"]))),
        navigation_lines=_words(raw["navigation_lines"]),
        navigation_words=_words(raw["navigation_words"]),
        navigation_joiners=_words(raw["navigation_joiners"]),
        breadcrumb_separators=tuple(raw["breadcrumb_separators"]),
        section_kinds=_words(raw["section_kinds"]),
        caption_lines=_words(raw["caption_lines"]),
        caption_prefixes=tuple(sorted(_words(raw["caption_prefixes"]))),
        caption_suffixes=tuple(sorted(_words(raw["caption_suffixes"]))),
        caption_contains=tuple(sorted(_words(raw["caption_contains"]))),
        figure_labels=_words(raw["figure_labels"]),
        figure_prefixes=tuple(sorted(_words(raw["figure_prefixes"]))),
        disclaimer_contains=tuple(sorted(_words(raw["disclaimer_contains"]))),
        tag_prefixes=tuple(sorted(_words(raw["tag_prefixes"]), key=len, reverse=True)),
        topic_words=_words(raw["topic_words"]),
        honorifics=_words(raw["honorifics"]),
        degrees=_words(raw["degrees"]),
        name_particles=_words(raw["name_particles"]),
        not_name_words=_words(raw["not_name_words"]),
        bio_roles=_words(raw["bio_roles"]),
        # longest head first so "war college" wins over "college"
        institution_heads=tuple(
            (h.casefold(), InstitutionKind(heads[h])) for h in sorted(heads, key=len, reverse=True)
        ),
        igo_acronyms=_words(raw["igo_acronyms"]),
        bio_verbs=_words(raw["bio_verbs"]),
        bio_prepositions=tuple(raw["bio_prepositions"]),
        self_reference_verbs=tuple(raw["self_reference_verbs"]),
        future_markers=tuple(sorted(set(raw["future_markers"]), key=len, reverse=True)),
        past_markers=tuple(sorted(set(raw["past_markers"]), key=len, reverse=True)),
        closing_prefixes=tuple(sorted(_words(raw["closing_prefixes"]))),
        caption_endings=tuple(sorted(_words(raw["caption_endings"]))),
        abstract_headings=_words(raw["abstract_headings"]),
        tail_headings=_words(raw["tail_headings"]),
        closing_headings=_words(raw["closing_headings"]),
        standfirst_prefixes=tuple(sorted(_words(raw["standfirst_prefixes"]))),
        update_note_prefixes=tuple(sorted(_words(raw["update_note_prefixes"]))),
        credit_contains=tuple(sorted(_words(raw["credit_contains"]))),
        notice_contains=tuple(sorted(_words(raw["notice_contains"]))),
        dateline_labels=_words(raw["dateline_labels"]),
    )


@functools.cache
def layout_cues() -> LayoutCues:
    """The cue vocabulary, read from package data on first call."""
    return _load(load_json("layout_cues.json"))
