"""Stage 4, claims: who says what about the relationship, and which reading it applies.

Owns: the reporting cue lexicon (``_lexicon``, data in ``data/cues.json``); whether a sentence
is a claim and who holds it (``_extract`` runs ``_constructions``, ``_attributions``,
``_subjects`` and ``_speakers`` over one ``_sentence`` view); which frame a sentence applies or
rejects (``_frames``, data in ``data/frames.json``).
"""

from __future__ import annotations

from ._extract import (
    find_claims,
)
from ._frames import (
    FrameLexicon,
    claim_frames,
    find_frames,
    frame_lexicon,
)

__all__ = [
    "FrameLexicon",
    "claim_frames",
    "find_claims",
    "find_frames",
    "frame_lexicon",
]
